import { qrcodesContract } from '../../types/qrcodes'
import { serve } from '../_core/serve'
import { sheet } from './actions/sheet'
import { miniCode } from './actions/miniCode'
import { bindNotices } from './actions/bindNotices'
import { ballots } from './actions/ballots'
import { signInSheet } from './actions/signInSheet'
import { issueCertificate } from './actions/certificate'

/** Papers for print: stairwell QR sheets, WeChat mini-program codes, households' bind notices, a vote's ballots and sign-in sheet. */
export const main = serve(qrcodesContract, { sheet, miniCode, bindNotices, ballots, signInSheet, issueCertificate })
