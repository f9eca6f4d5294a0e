import { AppError, type usersContract } from '../../../types'
import { environmentId } from '../../_core/cloud'
import { describeComputer } from '../../_core/domain/console'
import { endConsoleSession as endSession, standingSessionsOf } from '../../_core/repos/console'
import type { Handler } from '../../_core/serve'

/** 我的 → 电脑端登录: the caller's own computers still signed in. */
export const consoleSessions: Handler<typeof usersContract.actions.consoleSessions> = async (_input, ctx) => {
  const sessions = await standingSessionsOf(ctx.openid, environmentId(), ctx.now)
  return sessions.map((s) => ({
    sessionId: s._id,
    computer: describeComputer(s.userAgent),
    ip: s.ip,
    createdAt: s.createdAt,
    expiresAt: s.expiresAt,
    current: s._id === ctx.consoleSessionId,
  }))
}

/** Ends one of the caller's own console sessions: that computer's next call is refused and it shows its QR again. */
export const endConsoleSession: Handler<typeof usersContract.actions.endConsoleSession> = async (input, ctx) => {
  if (!(await endSession(input.sessionId, ctx.openid, ctx.now))) throw new AppError('NOT_FOUND', '没有找到这台电脑的登录，可能已经退出')
  return { ended: true }
}
