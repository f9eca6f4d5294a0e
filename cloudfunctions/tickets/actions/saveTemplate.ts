import { AppError, type ticketsContract } from '../../../types'
import { newId } from '../../_core/ids'
import { TEMPLATES_MAX, findTemplate, insertTemplate, templateCount, updateTemplate } from '../../_core/repos/tickets'
import type { Handler } from '../../_core/serve'
import { categoryIn } from '../file'

/** Adds a reply to the community's shared list, or edits one of the same community. */
export const saveTemplate: Handler<typeof ticketsContract.actions.saveTemplate> = async (input, ctx) => {
  const community = await ctx.community(input.communityId) // serve has authorized the caller here
  categoryIn(community, input.category)
  const at = ctx.now.toISOString()
  if (input.id) {
    const existing = await findTemplate(input.id)
    if (!existing || existing.communityId !== community._id) throw new AppError('TICKET.TEMPLATE_NOT_FOUND')
    await updateTemplate(existing._id, { category: input.category, text: input.text, updatedAt: at })
    return { id: existing._id, category: input.category, text: input.text }
  }
  if ((await templateCount(community._id)) >= TEMPLATES_MAX) throw new AppError('TICKET.TEMPLATES_FULL')
  const doc = { _id: newId(), communityId: community._id, category: input.category, text: input.text, createdBy: ctx.openid, createdAt: at, updatedAt: at }
  await insertTemplate(doc)
  return { id: doc._id, category: doc.category, text: doc.text }
}
