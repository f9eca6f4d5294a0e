import { EVALUATION_GRADE_LABELS, RECORD_NOTE_KIND_LABELS, type Community, type RecordNoteView, type RecordNotesView, type VolunteerNoteDoc } from '../../types'
import { notesOf } from '../_core/repos/certificates'
import type { Ctx } from '../_core/serve'
import { isOrganiser } from './access'
import type { Volunteer } from './record'

const noteView = (n: VolunteerNoteDoc): RecordNoteView => ({
  id: n._id,
  kind: n.kind,
  kindLabel: RECORD_NOTE_KIND_LABELS[n.kind],
  date: n.date,
  title: n.title,
  organisation: n.organisation,
  hours: n.hours,
  grade: n.grade,
  gradeLabel: n.grade ? EVALUATION_GRADE_LABELS[n.grade] : null,
  text: n.text,
  byName: n.byName,
  createdAt: n.createdAt,
})

/** A volunteer's training, commendations and evaluations in a community, newest first (removed notes left out). */
export async function notesView(ctx: Ctx, community: Community, v: Pick<Volunteer, 'openid' | 'name'>): Promise<RecordNotesView> {
  const notes = (await notesOf(community._id, v.openid)).filter((n) => !n.removedAt).map(noteView)
  return {
    openid: v.openid,
    name: v.name,
    communityId: community._id,
    training: notes.filter((n) => n.kind === 'training'),
    commendations: notes.filter((n) => n.kind === 'commendation'),
    evaluations: notes.filter((n) => n.kind === 'evaluation'),
    // nobody writes their own record: an organiser's training or commendation is entered by another organiser
    canEdit: isOrganiser(ctx, community) && v.openid !== ctx.openid,
  }
}
