import { noticesContract } from '../../types/notices'
import { serve } from '../_core/serve'
import { get } from './actions/get'
import { list } from './actions/list'
import { publish } from './actions/publish'
import { withdraw } from './actions/withdraw'

/** Notices: 党务、居务、财务公开 and general notices, with unique-reader counts. */
export const main = serve(noticesContract, { list, get, publish, withdraw })
