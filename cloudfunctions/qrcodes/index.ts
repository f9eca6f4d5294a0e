import { qrcodesContract } from '../../types/qrcodes'
import { serve } from '../_core/serve'
import { sheet } from './actions/sheet'
import { miniCode } from './actions/miniCode'
import { bindNotices } from './actions/bindNotices'

/** Codes for print: stairwell QR sheets, WeChat mini-program codes, and households' bind notices. */
export const main = serve(qrcodesContract, { sheet, miniCode, bindNotices })
