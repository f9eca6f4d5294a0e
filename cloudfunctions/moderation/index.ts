import { moderationContract } from '../../types/moderation'
import { serve } from '../_core/serve'
import { decide } from './actions/decide'
import { list } from './actions/list'

/** The moderation queue: content WeChat's check held for review, published or kept hidden by community staff. */
export const main = serve(moderationContract, { list, decide })
