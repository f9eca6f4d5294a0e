import { randomBytes } from 'crypto'
import { AppError, CONSOLE_SESSION_MS, type ConsoleSessionDoc, type usersContract } from '../../../types'
import { environmentId } from '../../_core/cloud'
import { loginProblem } from '../../_core/domain/console'
import { decideConsoleLogin, endConsoleSession, findConsoleLogin, insertConsoleSession } from '../../_core/repos/console'
import type { Handler } from '../../_core/serve'
import { authorizeConsoleApprover } from './consoleAccess'

/**
 * The staff member confirms (or cancels) a computer's sign-in from their phone. Confirming opens a console session of a
 * working day for them: its id becomes the computer's CloudBase custom-login user id, so the computer's calls are theirs.
 * An expired, used or unknown request, or one made in another environment, is refused.
 */
export const approveConsoleLogin: Handler<typeof usersContract.actions.approveConsoleLogin> = async (input, ctx) => {
  await authorizeConsoleApprover(ctx)
  const env = environmentId()
  const req = await findConsoleLogin(input.requestId)
  const problem = loginProblem(req, env, ctx.now, input.env)
  if (problem) throw new AppError(problem)
  const at = ctx.now.toISOString()
  if (!input.approve) {
    if (!(await decideConsoleLogin(req!._id, ctx.now, { status: 'cancelled', approvedBy: null, decidedAt: at, sessionId: null })))
      throw new AppError('CONSOLE.LOGIN_USED')
    return { approved: false, sessionId: null, expiresAt: null }
  }
  const session: ConsoleSessionDoc = {
    // CloudBase custom-login user ids are 4–32 characters
    _id: `cs${randomBytes(15).toString('hex')}`,
    openid: ctx.openid,
    env,
    ip: req!.ip,
    userAgent: req!.userAgent,
    createdAt: at,
    expiresAt: new Date(ctx.now.getTime() + CONSOLE_SESSION_MS).toISOString(),
    endedAt: null,
  }
  await insertConsoleSession(session)
  if (!(await decideConsoleLogin(req!._id, ctx.now, { status: 'approved', approvedBy: ctx.openid, decidedAt: at, sessionId: session._id }))) {
    // another phone (or this one twice) decided first: the session written above never opens
    await endConsoleSession(session._id, ctx.openid, ctx.now)
    throw new AppError('CONSOLE.LOGIN_USED')
  }
  return { approved: true, sessionId: session._id, expiresAt: session.expiresAt }
}
