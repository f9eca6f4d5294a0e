import { findAll } from '../../cloudfunctions/_core/repos/base'
import type { VolunteerNoteDoc } from '../../types'
import { P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'
import { rid } from '../support/requestIds'
import { asked, issued, served } from './certificates.helpers'

useWorld()

const of = { communityId: XINGFU, openid: P.resident }
const training = (extra: Record<string, unknown> = {}) => ({
  ...of,
  requestId: rid(),
  kind: 'training' as const,
  date: '2026-04-12',
  title: '应急救护培训',
  organisation: '锦江区红十字会',
  hours: 4,
  ...extra,
})

describe('training, commendations and evaluations on a volunteer’s record', () => {
  it('when an organiser records a training, a commendation and an evaluation, then the volunteer sees each on their record, newest first, with who entered it', async () => {
    ok(await as(P.staff)('volunteers', 'addRecordNote', training()))
    ok(
      await as(P.secretary)('volunteers', 'addRecordNote', {
        ...of,
        requestId: rid(),
        kind: 'commendation',
        date: '2026-06-30',
        title: '优秀志愿者',
        organisation: '春晖街道',
      }),
    )
    ok(
      await as(P.staff)('volunteers', 'addRecordNote', {
        ...of,
        requestId: rid(),
        kind: 'evaluation',
        date: '2026-07-01',
        grade: 'excellent',
        text: '服务认真，深受老人信任',
      }),
    )
    ok(await as(P.staff)('volunteers', 'addRecordNote', training({ date: '2026-09-01', title: '防汛知识培训', hours: null })))
    const mine = ok(await as(P.resident)('volunteers', 'recordNotes', { communityId: XINGFU }))
    expect(mine.canEdit).toBe(false)
    expect(mine.training.map((n) => [n.date, n.title, n.organisation, n.hours, n.byName])).toEqual([
      ['2026-09-01', '防汛知识培训', '锦江区红十字会', null, '陈静'],
      ['2026-04-12', '应急救护培训', '锦江区红十字会', 4, '陈静'],
    ])
    expect(mine.commendations.map((n) => [n.kindLabel, n.title, n.organisation, n.byName])).toEqual([['表彰奖励', '优秀志愿者', '春晖街道', '赵红梅']])
    expect(mine.evaluations.map((n) => [n.gradeLabel, n.text])).toEqual([['优秀', '服务认真，深受老人信任']])
    expect(ok(await as(P.staff)('volunteers', 'recordNotes', of)).canEdit).toBe(true)
  })

  it('when the same save is sent twice, then the note is recorded once', async () => {
    const input = training()
    await Promise.all([as(P.staff)('volunteers', 'addRecordNote', input), as(P.staff)('volunteers', 'addRecordNote', input)])
    expect(await findAll('volunteerNotes', { openid: P.resident })).toHaveLength(1)
  })

  it('when the words hold what the content check refuses or holds for review, then nothing is recorded and the organiser is told', async () => {
    const before = await snapshot()
    expect(errorCode(await as(P.staff)('volunteers', 'addRecordNote', training({ title: '代开发票培训' })))).toBe('CONTENT.RISKY')
    expect(
      errorCode(
        await as(P.staff)('volunteers', 'addRecordNote', {
          ...of,
          requestId: rid(),
          kind: 'evaluation',
          date: '2026-07-01',
          grade: 'good',
          text: '要投诉曝光',
        }),
      ),
    ).toBe('CONTENT.REVIEW')
    expect(await snapshot()).toEqual(before)
  })

  it('when a kind’s fields are missing or the date is ahead, then the input is refused and nothing is recorded', async () => {
    const noGrade = await as(P.staff)('volunteers', 'addRecordNote', { ...of, requestId: rid(), kind: 'evaluation', date: '2026-07-01', text: '好' } as never)
    expect(errorCode(noGrade)).toBe('INPUT.INVALID')
    expect(errorCode(await as(P.staff)('volunteers', 'addRecordNote', training({ date: '2026-11-23' })))).toBe('RECORD.DATE_INVALID')
    expect(await findAll('volunteerNotes', {})).toHaveLength(0)
  })

  it('when a resident, or staff of another community, add or read someone else’s notes, then AUTH.FORBIDDEN answers', async () => {
    expect(errorCode(await as(P.resident2)('volunteers', 'addRecordNote', training()))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.staffHeping)('volunteers', 'addRecordNote', training()))).toBe('AUTH.FORBIDDEN')
    expect(errorCode(await as(P.resident2)('volunteers', 'recordNotes', of))).toBe('AUTH.FORBIDDEN')
  })

  it('when an organiser tries to note their own record, then another organiser has to', async () => {
    const answer = await as(P.staff)('volunteers', 'addRecordNote', { ...training(), openid: P.staff })
    expect(errorCode(answer)).toBe('AUTH.FORBIDDEN')
    ok(await as(P.secretary)('volunteers', 'addRecordNote', { ...training(), openid: P.staff }))
  })

  it('when a note entered by mistake is removed, then the record no longer shows it, it stays stored as removed, and a certificate issued before keeps it', async () => {
    await served(P.resident, [{ date: '2026-05-01', minutes: 60 }])
    const added = ok(await as(P.staff)('volunteers', 'addRecordNote', training()))
    const { certificate } = await issued((await asked('2026-01-01', '2026-11-22')).id)
    const after = ok(await as(P.staff)('volunteers', 'removeRecordNote', { noteId: added.training[0].id }))
    expect(after.training).toEqual([])
    expect(errorCode(await as(P.staff)('volunteers', 'removeRecordNote', { noteId: added.training[0].id }))).toBe('RECORD.NOTE_NOT_FOUND')
    expect((await findAll<VolunteerNoteDoc>('volunteerNotes', { _id: added.training[0].id }))[0]).toMatchObject({ removedBy: P.staff })
    expect(ok(await as(P.resident2)('volunteers', 'verifyCertificate', { number: certificate.number! })).training).toEqual([
      { date: '2026-04-12', title: '应急救护培训', organisation: '锦江区红十字会', hours: 4 },
    ])
  })
})
