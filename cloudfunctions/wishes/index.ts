import { wishesContract } from '../../types/wishes'
import { serve } from '../_core/serve'
import { cancel } from './actions/cancel'
import { claim } from './actions/claim'
import { complete } from './actions/complete'
import { confirm } from './actions/confirm'
import { contact } from './actions/contact'
import { get } from './actions/get'
import { mine } from './actions/mine'
import { nearby } from './actions/nearby'
import { post } from './actions/post'
import { postFor } from './actions/postFor'
import { queue } from './actions/queue'
import { review } from './actions/review'
import { settings, updateSettings } from './actions/settings'
import { withdraw } from './actions/withdraw'

/** 微心愿: small needs residents post, volunteers and party members claim and fulfil; hours go to the volunteer record. */
export const main = serve(wishesContract, {
  post,
  postFor,
  review,
  nearby,
  mine,
  queue,
  get,
  claim,
  withdraw,
  complete,
  confirm,
  cancel,
  contact,
  settings,
  updateSettings,
})
