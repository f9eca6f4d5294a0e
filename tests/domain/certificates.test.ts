import {
  capacity,
  checkFits,
  checkPeriod,
  decideDecline,
  decideIssue,
  decideRevoke,
  durationText,
  layoutFor,
  notesInPeriod,
  sameName,
  serviceRows,
} from '../../cloudfunctions/_core/domain/certificates'
import { newCertificateNumber } from '../../cloudfunctions/_core/workflows/certificates'
import {
  certificateNumberFrom,
  compactCertificateNumber,
  type IssuedCertificate,
  type VolunteerActivityDoc,
  type VolunteerCertificateDoc,
  type VolunteerNoteDoc,
  type VolunteerSignupDoc,
} from '../../types'

const NOW = new Date('2026-11-22T09:00:00+08:00')

const signup = (date: string, minutes: number | null, over: Partial<VolunteerSignupDoc> = {}): VolunteerSignupDoc => ({
  _id: `a-${date}|o`,
  activityId: `a-${date}`,
  communityId: 'c',
  openid: 'o',
  name: '王秀英',
  startAt: new Date(`${date}T09:00:00+08:00`).toISOString(),
  seq: 1,
  status: 'confirmed',
  signedUpAt: '',
  cancelledAt: null,
  promotedAt: null,
  checkinAt: null,
  checkoutAt: null,
  minutes,
  recorderOpenid: null,
  recorderName: null,
  adjustments: [],
  version: 1,
  ...over,
})
const activity = (id: string, over: Partial<VolunteerActivityDoc> = {}) =>
  ({ _id: id, title: '楼道清扫', description: '', place: '3栋楼下', ...over }) as VolunteerActivityDoc

const request = (over: Partial<VolunteerCertificateDoc> = {}): VolunteerCertificateDoc => ({
  _id: 'vc',
  communityId: 'c',
  streetId: 's',
  openid: 'o',
  name: '王秀英',
  from: '2026-01-01',
  to: '2026-11-22',
  purpose: '',
  status: 'requested',
  requestedAt: '',
  decidedAt: null,
  decidedBy: null,
  decidedByName: null,
  declineReason: null,
  number: null,
  verifyUrl: null,
  fileID: null,
  issued: null,
  revokedAt: null,
  revokedBy: null,
  revokedByName: null,
  revokeReason: null,
  revokeNote: null,
  version: 3,
  ...over,
})
const by = { openid: 'staff', name: '陈静' }

describe('certificate numbers', () => {
  it('when numbers are made, then each is ZY and four groups of four readable characters, and a thousand are all different', () => {
    const numbers = Array.from({ length: 1000 }, newCertificateNumber)
    for (const n of numbers) expect(n).toMatch(/^ZY(-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}){4}$/)
    expect(new Set(numbers).size).toBe(1000)
  })

  it.each([
    ['ZY-ABCD-EFGH-JKMN-PQRS', 'ZY-ABCD-EFGH-JKMN-PQRS'],
    ['zyabcdefghjkmnpqrs', 'ZY-ABCD-EFGH-JKMN-PQRS'],
    [' ZY ABCD EFGH JKMN PQRS ', 'ZY-ABCD-EFGH-JKMN-PQRS'],
    ['https://qr.example.cn/v/ZYABCDEFGHJKMNPQRS', 'ZY-ABCD-EFGH-JKMN-PQRS'],
    ['https://h5.example.cn/packages/volunteer/pages/verify/index?no=ZY-ABCD-EFGH-JKMN-PQRS', 'ZY-ABCD-EFGH-JKMN-PQRS'],
    ['ZY-ABCD-EFGH-JKMN-PQR0', null],
    ['ZY-ABCD-EFGH-JKMN', null],
    ['随便写的', null],
    ['', null],
  ])('when %j is typed or scanned, then it reads as %j', (text, number) => {
    expect(certificateNumberFrom(text)).toBe(number)
  })

  it('when a number goes into a link, then it loses its dashes', () => {
    expect(compactCertificateNumber('ZY-ABCD-EFGH-JKMN-PQRS')).toBe('ZYABCDEFGHJKMNPQRS')
  })
})

describe('the service of a period', () => {
  const signups = [
    signup('2026-05-01', 100),
    signup('2026-01-01', 60),
    signup('2025-12-31', 60),
    signup('2026-11-22', 30),
    signup('2026-06-01', null),
    signup('2026-07-01', 45, { status: 'cancelled' }),
    signup('2026-08-01', 90, {
      activityId: 'wish:w1',
      service: { kind: 'wish', refId: 'w1', title: '换灯泡', content: '为独居老人换灯泡', place: '2栋', organiser: '幸福社区' },
    }),
  ]
  const activities = new Map(
    ['a-2026-05-01', 'a-2026-01-01', 'a-2025-12-31', 'a-2026-11-22'].map((id) => [id, activity(id, id === 'a-2026-05-01' ? { description: '清理堆物' } : {})]),
  )

  it('when a period is counted, then its credited services, both end days included, come oldest first with the record’s words and minutes', () => {
    expect(serviceRows(signups, activities, '2026-01-01', '2026-11-22')).toEqual([
      { activityId: 'a-2026-01-01', date: '2026-01-01', place: '3栋楼下', content: '楼道清扫', minutes: 60 },
      { activityId: 'a-2026-05-01', date: '2026-05-01', place: '3栋楼下', content: '楼道清扫：清理堆物', minutes: 100 },
      { activityId: 'wish:w1', date: '2026-08-01', place: '2栋', content: '换灯泡：为独居老人换灯泡', minutes: 90 },
      { activityId: 'a-2026-11-22', date: '2026-11-22', place: '3栋楼下', content: '楼道清扫', minutes: 30 },
    ])
  })

  it('when a service started late in the evening, then it counts on its Shanghai day', () => {
    const late = signup('2026-03-31', 60, { startAt: '2026-03-31T17:30:00.000Z' }) // 1 April 01:30 in Shanghai
    expect(serviceRows([late], new Map(), '2026-04-01', '2026-04-30').map((r) => r.date)).toEqual(['2026-04-01'])
    expect(serviceRows([late], new Map(), '2026-03-01', '2026-03-31')).toEqual([])
  })

  it('when notes are read for a period, then training and commendations inside it print and evaluations and removed notes do not', () => {
    const note = (kind: VolunteerNoteDoc['kind'], date: string, over: Partial<VolunteerNoteDoc> = {}) =>
      ({ kind, date, title: `${kind}-${date}`, organisation: '红十字会', hours: null, createdAt: date, removedAt: null, ...over }) as VolunteerNoteDoc
    const notes = [
      note('training', '2026-04-01'),
      note('training', '2025-04-01'),
      note('commendation', '2026-06-30'),
      note('evaluation', '2026-07-01'),
      note('commendation', '2026-07-01', { removedAt: '2026-07-02' }),
    ]
    expect(notesInPeriod(notes, '2026-01-01', '2026-11-22')).toEqual({
      training: [{ date: '2026-04-01', title: 'training-2026-04-01', organisation: '红十字会', hours: null }],
      commendations: [{ date: '2026-06-30', title: 'commendation-2026-06-30', organisation: '红十字会', hours: null }],
    })
  })

  it.each([
    [0, '0分钟'],
    [40, '40分钟'],
    [60, '1小时'],
    [100, '1小时40分'],
    [310, '5小时10分'],
  ])('when %i minutes are printed, then they read %s', (minutes, text) => {
    expect(durationText(minutes)).toBe(text)
  })

  it('when a period ends after today or starts after it ends, then it is refused; today itself is fine', () => {
    expect(checkPeriod('2026-01-01', '2026-11-22', NOW)).toBeNull()
    expect(checkPeriod('2026-01-01', '2026-11-23', NOW)?.code).toBe('CERTIFICATE.PERIOD_INVALID')
    expect(checkPeriod('2026-05-01', '2026-04-30', NOW)?.code).toBe('CERTIFICATE.PERIOD_INVALID')
  })
})

describe('one A4 page', () => {
  it('when the services fit regular rows, then they print regular; past that in two compact columns; past that not at all', () => {
    const c = capacity(0, 0)
    expect(c.regular).toBeGreaterThanOrEqual(20)
    expect(c.compact).toBeGreaterThanOrEqual(60)
    expect(layoutFor(c.regular, 0, 0)).toBe('regular')
    expect(layoutFor(c.regular + 1, 0, 0)).toBe('compact')
    expect(layoutFor(c.compact, 0, 0)).toBe('compact')
    expect(layoutFor(c.compact + 1, 0, 0)).toBeNull()
  })

  it('when training and commendation lines are printed, then they take room from the service rows', () => {
    expect(capacity(3, 2).regular).toBeLessThan(capacity(0, 0).regular)
    expect(capacity(3, 2).compact).toBeLessThan(capacity(0, 0).compact)
  })

  it('when a period holds nothing, or more than a page, then the refusal says which', () => {
    expect(checkFits(0, 0, 0)?.code).toBe('CERTIFICATE.NO_SERVICE')
    expect(checkFits(capacity(0, 0).compact + 1, 0, 0)?.code).toBe('CERTIFICATE.TOO_LONG')
    expect(checkFits(5, 1, 1)).toBeNull()
  })
})

describe('a request’s life', () => {
  const printed = { volunteerName: '王秀英' } as IssuedCertificate

  it('when a waiting request is issued, then it carries the number, link, file and facts, decided by the issuer, one version on', () => {
    const d = decideIssue(request(), printed, 'ZY-A', 'https://v/ZYA', 'cloud://f', by, NOW)
    expect(d.ok && d.next).toMatchObject({
      status: 'issued',
      number: 'ZY-A',
      verifyUrl: 'https://v/ZYA',
      fileID: 'cloud://f',
      issued: printed,
      decidedBy: 'staff',
      decidedByName: '陈静',
      decidedAt: NOW.toISOString(),
      version: 4,
    })
  })

  it('when a request was decided already, then issuing and declining it again are refused', () => {
    for (const status of ['issued', 'declined', 'revoked'] as const) {
      expect(decideIssue(request({ status }), printed, 'n', 'u', 'f', by, NOW)).toMatchObject({ ok: false, code: 'CERTIFICATE.NOT_PENDING' })
      expect(decideDecline(request({ status }), '重复', by, NOW)).toMatchObject({ ok: false, code: 'CERTIFICATE.NOT_PENDING' })
    }
  })

  it('when an issued certificate is revoked, then it keeps what it printed and gains when, who and why; only an issued one can be', () => {
    const d = decideRevoke(request({ status: 'issued', issued: printed, number: 'ZY-A' }), 'corrected', '', by, NOW)
    expect(d.ok && d.next).toMatchObject({
      status: 'revoked',
      number: 'ZY-A',
      issued: printed,
      revokedAt: NOW.toISOString(),
      revokedByName: '陈静',
      revokeReason: 'corrected',
      revokeNote: null,
    })
    expect(decideRevoke(request(), 'error', '', by, NOW)).toMatchObject({ ok: false, code: 'CERTIFICATE.NOT_ISSUED' })
    expect(decideRevoke(request({ status: 'revoked' }), 'error', '', by, NOW)).toMatchObject({ ok: false, code: 'CERTIFICATE.NOT_ISSUED' })
  })

  it('when a verifier types a name, then spaces and a middle dot do not matter but any other character does', () => {
    expect(sameName('王秀英', ' 王 秀英')).toBe(true)
    expect(sameName('阿依古丽·买买提', '阿依古丽买买提')).toBe(true)
    expect(sameName('王秀英', '王秀')).toBe(false)
    expect(sameName('王秀英', '')).toBe(false)
  })
})
