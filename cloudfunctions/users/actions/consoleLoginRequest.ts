import { AppError, type usersContract } from '../../../types'
import { environmentId } from '../../_core/cloud'
import { describeComputer, loginProblem } from '../../_core/domain/console'
import { findConsoleLogin } from '../../_core/repos/console'
import type { Handler } from '../../_core/serve'
import { authorizeConsoleApprover } from './consoleAccess'

/** What the phone shows after the scan, before 确认登录: which computer asks, from which address, since when. */
export const consoleLoginRequest: Handler<typeof usersContract.actions.consoleLoginRequest> = async (input, ctx) => {
  await authorizeConsoleApprover(ctx)
  const req = await findConsoleLogin(input.requestId)
  const problem = loginProblem(req, environmentId(), ctx.now, input.env)
  if (problem) throw new AppError(problem)
  return { requestId: req!._id, computer: describeComputer(req!.userAgent), ip: req!.ip, createdAt: req!.createdAt, expiresAt: req!.expiresAt }
}
