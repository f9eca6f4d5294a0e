import QRCode from 'qrcode'
import { AppError, CODE_STEP_SECONDS, type volunteersContract } from '../../../types'
import { codeShowable, currentCode } from '../../_core/domain/volunteers'
import type { Handler } from '../../_core/serve'
import { loadActivity } from '../access'

/** The code of this 30-second step for the organiser's screen; the secret behind it never leaves the function. */
export const checkinCode: Handler<typeof volunteersContract.actions.checkinCode> = async (input, ctx) => {
  const { activity } = await loadActivity(ctx, input.activityId)
  if (!codeShowable(activity, ctx.now)) throw new AppError('VOLUNTEER.CHECKIN_CLOSED')
  const now = currentCode(activity.codeSecret, ctx.now)
  // drawn here, not on the phone: the mini-program carries no QR renderer, and the scan only needs the six digits
  const qr = await QRCode.toDataURL(now.code, { errorCorrectionLevel: 'M', margin: 2, scale: 10 })
  return { activityId: activity._id, period: CODE_STEP_SECONDS, ...now, qr }
}
