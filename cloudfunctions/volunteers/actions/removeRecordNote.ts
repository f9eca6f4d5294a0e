import { AppError, type volunteersContract } from '../../../types'
import { findNote, removeNote } from '../../_core/repos/certificates'
import { findUsers } from '../../_core/repos/users'
import type { Handler } from '../../_core/serve'
import { notesView } from '../recordNotes'

/** An organiser removes a note entered by mistake; it stays stored, marked removed and by whom. Certificates already issued keep what they printed. */
export const removeRecordNote: Handler<typeof volunteersContract.actions.removeRecordNote> = async (input, ctx) => {
  const note = await findNote(input.noteId)
  if (!note) throw new AppError('RECORD.NOTE_NOT_FOUND')
  const community = await ctx.authorize(note.communityId)
  if (note.openid === ctx.openid) throw new AppError('AUTH.FORBIDDEN', '不能修改自己的记录，请由本社区其他工作人员办理')
  if (!(await removeNote(note._id, ctx.openid, ctx.now.toISOString()))) throw new AppError('RECORD.NOTE_NOT_FOUND')
  const [user] = await findUsers([note.openid])
  return notesView(ctx, community, { openid: note.openid, name: user?.name ?? '' })
}
