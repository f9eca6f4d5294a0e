import type { sheetsContract } from '../../../types'
import type { Handler } from '../../_core/serve'
import { storeWorkbook } from '../file'
import { registerTemplate as build } from '../template'

/** 住户名册导入模板 (.xlsx): what sheets.importRegister reads, with example rows and how to fill it in. */
export const registerTemplate: Handler<typeof sheetsContract.actions.registerTemplate> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  return storeWorkbook(community._id, `住户名册导入模板-${community.name}`, await build(ctx.now), 0, ctx.now)
}
