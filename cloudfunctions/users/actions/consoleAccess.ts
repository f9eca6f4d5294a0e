import { AppError, CONSOLE_ROLES, type Role } from '../../../types'
import type { Ctx } from '../../_core/serve'

/**
 * Approving a computer is done from the phone, by someone who may use the console: it opens the console to the
 * communities (or street) where they hold a staff role, so it is authorized against one of those.
 */
export async function authorizeConsoleApprover(ctx: Ctx): Promise<void> {
  // a console cannot vouch for another computer: the approval must come from the staff member's own mini-program
  if (ctx.consoleSessionId) throw new AppError('AUTH.FORBIDDEN', '请用手机微信小程序扫码确认，电脑端不能为其他电脑确认登录')
  const grant = ctx.user?.roles.find((g) => (CONSOLE_ROLES as readonly Role[]).includes(g.role))
  if (!grant) throw new AppError('AUTH.FORBIDDEN')
  if (grant.role === 'street_staff') ctx.authorizeStreet(grant.streetId)
  else await ctx.authorize(grant.communityId ?? '', CONSOLE_ROLES)
}

/** Where the console's QR points: the sign-in link registered for the mini-program (扫普通链接二维码打开小程序). */
export const consoleUrlPrefix = (): string => process.env.CONSOLE_URL_PREFIX || 'https://console.example.invalid/l/'
