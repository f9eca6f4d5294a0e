import type { usersContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { meView } from '../views'

export const me: Handler<typeof usersContract.actions.me> = async (_input, ctx) => meView(ctx.openid)
