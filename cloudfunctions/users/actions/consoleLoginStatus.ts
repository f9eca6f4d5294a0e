import { timingSafeEqual } from 'crypto'
import { AppError, type usersContract } from '../../../types'
import { createLoginTicket, environmentId } from '../../_core/cloud'
import { countCall, findConsoleLogin, findConsoleSession, takeApprovedLogin } from '../../_core/repos/console'
import type { Handler } from '../../_core/serve'
import { hashPollToken } from './createConsoleLogin'

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/**
 * The console page polls its request with the token only it holds. Once approved, the answer carries a CloudBase
 * custom-login ticket for the session the approval opened — once: the request is then used, and a second poll (or a
 * copied token) is refused.
 */
export const consoleLoginStatus: Handler<typeof usersContract.actions.consoleLoginStatus> = async (input, ctx) => {
  await countCall('consoleStatus', [ctx.caller], ctx.now, { max: 120, windowMs: 60_000 })
  const req = await findConsoleLogin(input.requestId)
  if (!req || !sameHash(req.pollTokenHash, hashPollToken(input.pollToken)) || req.env !== environmentId()) throw new AppError('CONSOLE.LOGIN_UNKNOWN')
  if (req.status === 'cancelled') return { status: 'cancelled' }
  if (req.status === 'used') throw new AppError('CONSOLE.LOGIN_USED')
  if (req.status === 'pending') return req.expiresAt <= ctx.now.toISOString() ? { status: 'expired' } : { status: 'pending', expiresAt: req.expiresAt }
  const session = req.sessionId ? await findConsoleSession(req.sessionId) : null
  if (!session) throw new AppError('CONSOLE.LOGIN_UNKNOWN')
  const ticket = createLoginTicket(session._id, new Date(session.expiresAt))
  if (!ticket) throw new AppError('CONSOLE.NOT_CONFIGURED')
  if (!(await takeApprovedLogin(req._id))) throw new AppError('CONSOLE.LOGIN_USED')
  return { status: 'approved', ticket, env: session.env, sessionId: session._id, expiresAt: session.expiresAt }
}
