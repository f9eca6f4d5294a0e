import { qrcodesContract } from '../../types/qrcodes'
import { serve } from '../_core/serve'
import { sheet } from './actions/sheet'
import { miniCode } from './actions/miniCode'

/** Stairwell codes for print: an A4 sheet of plain QR codes, or WeChat mini-program codes. */
export const main = serve(qrcodesContract, { sheet, miniCode })
