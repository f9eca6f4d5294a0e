import { AppError, type VolunteerNoteDoc, type volunteersContract } from '../../../types'
import { SCENE, screen } from '../../_core/contentCheck'
import { checkNoteDate } from '../../_core/domain/certificates'
import { insertNote, noteIdFor } from '../../_core/repos/certificates'
import type { Handler } from '../../_core/serve'
import { mustHaveName, refused } from '../access'
import { volunteerOf } from '../record'
import { notesView } from '../recordNotes'

/**
 * An organiser records a training, a commendation or an evaluation on a volunteer's record. Training and commendations
 * are printed on certificates that strangers read, so their words pass the content check (risky refused, 'review'
 * asked to rephrase, as activities are); a retry with the same request id adds nothing.
 */
export const addRecordNote: Handler<typeof volunteersContract.actions.addRecordNote> = async (input, ctx) => {
  const community = await ctx.community(input.communityId)
  const byName = mustHaveName(ctx)
  if (input.openid === ctx.openid) throw new AppError('AUTH.FORBIDDEN', '不能给自己的记录添加培训、表彰或评价，请由本社区其他工作人员填写')
  const bad = checkNoteDate(input.date, ctx.now)
  if (bad) return refused(bad)
  const volunteer = await volunteerOf(ctx, community, input.openid)
  const words =
    input.kind === 'evaluation' ? { title: '', organisation: '', text: input.text } : { title: input.title, organisation: input.organisation, text: '' }
  const verdict = await screen({ texts: [words.title, words.organisation, words.text] }, { openid: ctx.openid, scene: SCENE.forum })
  if (verdict.suggest === 'review') throw new AppError('CONTENT.REVIEW')
  const doc: VolunteerNoteDoc = {
    _id: noteIdFor(ctx.openid, input.requestId),
    communityId: community._id,
    streetId: community.streetId,
    openid: volunteer.openid,
    kind: input.kind,
    date: input.date,
    ...words,
    hours: input.kind === 'training' ? input.hours : null,
    grade: input.kind === 'evaluation' ? input.grade : null,
    byOpenid: ctx.openid,
    byName,
    createdAt: ctx.now.toISOString(),
    removedAt: null,
    removedBy: null,
  }
  await insertNote(doc)
  return notesView(ctx, community, volunteer)
}
