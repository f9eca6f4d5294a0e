import { CALLER_POLICY, maxTriesPerYear, yearsToGuess } from '../../cloudfunctions/_core/domain/attempts'
import { capacity } from '../../cloudfunctions/_core/domain/certificates'
import { findAll } from '../../cloudfunctions/_core/repos/base'
import { platformContext } from '../../local/context'
import { main as volunteersMain } from '../../cloudfunctions/volunteers'
import type { CertificateCheckView, Envelope, VolunteerCertificateDoc } from '../../types'
import { NOW, P, XINGFU, as, errorCode, ok, snapshot, useWorld } from '../support/world'
import { rid } from '../support/requestIds'
import { asked, issued, served } from './certificates.helpers'

const world = useWorld()

/** A stranger's phone or browser: no OPENID, maybe an anonymous web id the platform attached. */
const stranger = (data: { number: string; name?: string }, env: Record<string, string> = {}) => {
  const context = platformContext(null)
  const withEnv = { ...context, environment: JSON.stringify({ ...JSON.parse(context.environment), ...env, TCB_CONTEXT_KEYS: Object.keys(env).join(',') }) }
  return volunteersMain({ action: 'verifyCertificate', data }, withEnv) as Promise<Envelope<CertificateCheckView>>
}

const SERVICE = [
  { date: '2026-03-08', minutes: 120, title: '三八节慰问独居老人', place: '幸福社区党群服务中心', description: '陪老人聊天、打扫卫生' },
  { date: '2026-05-01', minutes: 100, title: '楼道清扫', place: '3栋1单元' },
  { date: '2026-09-10', minutes: 90, wish: true, title: '帮邻居换灯泡', description: '为独居老人更换厨房灯泡', place: '幸福社区2栋' },
  // not counted: outside the period, never credited, cancelled
  { date: '2025-12-20', minutes: 180, title: '去年的冬季送温暖' },
  { date: '2026-10-01', minutes: null, title: '没有签退的国庆执勤' },
  { date: '2026-10-02', minutes: 60, title: '取消了的活动', status: 'cancelled' as const },
]

describe('asking for a certificate', () => {
  beforeEach(() => served(P.resident, SERVICE))

  it('when a volunteer asks for a period with credited service, then the request waits with the period’s services and hours recounted from the record', async () => {
    const c = await asked('2026-01-01', '2026-11-22')
    expect(c).toMatchObject({ status: 'requested', statusLabel: '待出具', name: '王秀英', from: '2026-01-01', to: '2026-11-22', number: null, can: [] })
    expect(c.service).toEqual({ activities: 3, minutes: 310, hours: 5.17, training: 0, commendations: 0 })
  })

  it('when the period ends after today, then CERTIFICATE.PERIOD_INVALID answers and nothing is stored', async () => {
    const before = await snapshot()
    const answer = await as(P.resident)('volunteers', 'requestCertificate', { communityId: XINGFU, requestId: rid(), from: '2026-01-01', to: '2026-11-23' })
    expect(errorCode(answer)).toBe('CERTIFICATE.PERIOD_INVALID')
    expect(await snapshot()).toEqual(before)
  })

  it('when the start is after the end or a date does not exist, then the input is refused naming the field', async () => {
    const backwards = await as(P.resident)('volunteers', 'requestCertificate', { communityId: XINGFU, requestId: rid(), from: '2026-05-01', to: '2026-04-01' })
    expect(backwards.ok ? null : backwards.error.issues).toEqual([{ path: 'to', message: '开始日期不能晚于结束日期' }])
    const feb30 = await as(P.resident)('volunteers', 'requestCertificate', { communityId: XINGFU, requestId: rid(), from: '2026-02-30', to: '2026-04-01' })
    expect(feb30.ok ? null : feb30.error.issues?.[0]).toEqual({ path: 'from', message: '开始日期不存在' })
  })

  it('when the period holds no credited service, then CERTIFICATE.NO_SERVICE answers', async () => {
    expect(
      errorCode(await as(P.resident)('volunteers', 'requestCertificate', { communityId: XINGFU, requestId: rid(), from: '2026-10-01', to: '2026-10-31' })),
    ).toBe('CERTIFICATE.NO_SERVICE')
  })

  it('when the same request is sent twice, then one request is stored and both answers name it', async () => {
    const input = { communityId: XINGFU, requestId: rid(), from: '2026-01-01', to: '2026-06-30' }
    const [a, b] = await Promise.all([as(P.resident)('volunteers', 'requestCertificate', input), as(P.resident)('volunteers', 'requestCertificate', input)])
    expect(ok(a).id).toBe(ok(b).id)
    expect(await findAll('volunteerCertificates', { openid: P.resident })).toHaveLength(1)
  })

  it('when three requests already wait, then a fourth is refused until an organiser decides one', async () => {
    const waiting = [await asked('2026-01-01', '2026-03-31'), await asked('2026-01-01', '2026-06-30'), await asked('2026-01-01', '2026-09-30')]
    expect(
      errorCode(await as(P.resident)('volunteers', 'requestCertificate', { communityId: XINGFU, requestId: rid(), from: '2026-01-01', to: '2026-11-22' })),
    ).toBe('CERTIFICATE.TOO_MANY_PENDING')
    ok(await as(P.staff)('volunteers', 'declineCertificate', { certificateId: waiting[0].id, reason: '时间段重复，请使用全年的证明' }))
    ok(await as(P.resident)('volunteers', 'requestCertificate', { communityId: XINGFU, requestId: rid(), from: '2026-01-01', to: '2026-11-22' }))
  })

  it('when a period holds more services than one page lists, then the request is refused naming both figures', async () => {
    const most = capacity(0, 0).compact
    await served(
      P.resident2,
      Array.from({ length: most + 1 }, (_, i) => ({
        date: `2025-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        minutes: 60,
      })),
      '李建国',
    )
    const answer = await as(P.resident2)('volunteers', 'requestCertificate', { communityId: XINGFU, requestId: rid(), from: '2025-01-01', to: '2025-12-31' })
    expect(answer.ok ? null : answer.error).toEqual({
      code: 'CERTIFICATE.TOO_LONG',
      message: `这段时间有${most + 1}次服务，一页证明最多列${most}次，请把时间段分成较短的几段分别申请`,
    })
  })
})

describe('issuing, declining and revoking', () => {
  beforeEach(() => served(P.resident, SERVICE))

  it('when an organiser issues a request, then it gets a ZY- number, a verification link and a stored PDF, and the volunteer is told', async () => {
    const c = await asked('2026-01-01', '2026-11-22')
    const result = await issued(c.id)
    expect(result.certificate).toMatchObject({
      status: 'issued',
      issuerName: '陈静',
      organisation: '幸福社区居民委员会',
      contact: '028-87654321',
      issuedAt: NOW.toISOString(),
      can: ['open', 'revoke'],
    })
    expect(result.certificate.number).toMatch(/^ZY(-[A-HJ-NP-Z2-9]{4}){4}$/)
    expect(result.certificate.verifyUrl).toBe(`https://qr.example.invalid/v/${result.certificate.number!.replace(/-/g, '')}`)
    expect(result.url).toMatch(/\/private\/certificates\/c-xingfu\/[0-9a-f]{32}\.pdf\?expires=\d+&sig=[0-9a-f]{64}$/)
    expect(world.stored(result.fileID)?.subarray(0, 5).toString()).toBe('%PDF-')
    const mine = ok(await as(P.resident)('volunteers', 'certificates', { communityId: XINGFU }))
    expect(mine.items.map((i) => [i.status, i.number, i.can])).toEqual([['issued', result.certificate.number, ['open']]])
    expect(await findAll('outbox', { to: P.resident, kind: 'certificateDecided' })).toHaveLength(1)
  })

  it('when the certificate is issued, then its total equals the record’s recount of the period (the year’s hours and activities on the record)', async () => {
    const c = await asked('2026-01-01', '2026-11-22')
    const { certificate } = await issued(c.id)
    const record = ok(await as(P.resident)('volunteers', 'record', { communityId: XINGFU }))
    const year = record.years.find((y) => y.year === 2026)!
    expect(certificate.service.hours).toBe(year.hours)
    expect(certificate.service.activities).toBe(year.activities)
  })

  it('when two organisers issue the same request at once, then one certificate stands and the other hears it was decided', async () => {
    const c = await asked('2026-01-01', '2026-11-22')
    const answers = await Promise.all([
      as(P.staff)('qrcodes', 'issueCertificate', { certificateId: c.id, organisation: '幸福社区居民委员会', contact: '028-87654321' }),
      as(P.secretary)('qrcodes', 'issueCertificate', { certificateId: c.id, organisation: '幸福社区党委', contact: '028-87654321' }),
    ])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.map(errorCode).filter(Boolean)).toEqual(['CERTIFICATE.NOT_PENDING'])
    const winner = answers.find((a) => a.ok)
    const stored = await findAll<VolunteerCertificateDoc>('volunteerCertificates', { _id: c.id })
    expect(stored[0].number).toBe(winner?.ok ? winner.data.certificate.number : 'none')
  })

  it('when a resident, or staff of another community, try to issue, then AUTH.FORBIDDEN answers and nothing changes', async () => {
    const c = await asked('2026-01-01', '2026-11-22')
    const before = await snapshot()
    for (const who of [P.resident2, P.staffHeping, P.gridLeader]) {
      expect(errorCode(await as(who)('qrcodes', 'issueCertificate', { certificateId: c.id, organisation: '某单位', contact: '028-1234567' }))).toBe(
        'AUTH.FORBIDDEN',
      )
    }
    expect(await snapshot()).toEqual(before)
  })

  it('when an organiser asks for a certificate of their own service, then they cannot issue it themselves and another organiser can', async () => {
    await served(P.staff, [{ date: '2026-04-04', minutes: 60 }], '陈静')
    const own = await asked('2026-01-01', '2026-11-22', P.staff)
    expect(own.can).toEqual([])
    const answer = await as(P.staff)('qrcodes', 'issueCertificate', { certificateId: own.id, organisation: '幸福社区居民委员会', contact: '028-87654321' })
    expect(answer.ok ? null : answer.error.code).toBe('AUTH.FORBIDDEN')
    expect((await issued(own.id, P.secretary)).certificate.issuerName).toBe('赵红梅')
  })

  it('when the organisation’s name holds words the content check refuses, then nothing is issued', async () => {
    const c = await asked('2026-01-01', '2026-11-22')
    expect(errorCode(await as(P.staff)('qrcodes', 'issueCertificate', { certificateId: c.id, organisation: '代开发票服务社', contact: '028-87654321' }))).toBe(
      'CONTENT.RISKY',
    )
    expect((await findAll<VolunteerCertificateDoc>('volunteerCertificates', { _id: c.id }))[0].status).toBe('requested')
  })

  it('when an organiser declines with a reason, then the volunteer reads it and the request can no longer be issued', async () => {
    const c = await asked('2026-01-01', '2026-11-22')
    const declined = ok(await as(P.secretary)('volunteers', 'declineCertificate', { certificateId: c.id, reason: '5月1日的服务时长有误，更正后请重新申请' }))
    expect(declined).toMatchObject({
      status: 'declined',
      statusLabel: '未予出具',
      declinedByName: '赵红梅',
      declineReason: '5月1日的服务时长有误，更正后请重新申请',
    })
    const mine = ok(await as(P.resident)('volunteers', 'certificates', { communityId: XINGFU }))
    expect(mine.items[0]).toMatchObject({ status: 'declined', declineReason: '5月1日的服务时长有误，更正后请重新申请' })
    expect(
      errorCode(await as(P.staff)('qrcodes', 'issueCertificate', { certificateId: c.id, organisation: '幸福社区居民委员会', contact: '028-87654321' })),
    ).toBe('CERTIFICATE.NOT_PENDING')
  })

  it('when organisers open their queue, then waiting requests come oldest first with the service recounted, and decided ones apart', async () => {
    const first = await asked('2026-01-01', '2026-06-30')
    world.clock(new Date(NOW.getTime() + 60_000))
    const second = await asked('2026-01-01', '2026-11-22')
    await issued(first.id)
    const pending = ok(await as(P.staff)('volunteers', 'certificates', { communityId: XINGFU, scope: 'pending' }))
    expect(pending.items.map((i) => [i.id, i.service.activities, i.can])).toEqual([[second.id, 3, ['issue', 'decline']]])
    const decided = ok(await as(P.staff)('volunteers', 'certificates', { communityId: XINGFU, scope: 'decided' }))
    expect(decided.items.map((i) => [i.id, i.status])).toEqual([[first.id, 'issued']])
    expect(errorCode(await as(P.resident)('volunteers', 'certificates', { communityId: XINGFU, scope: 'pending' }))).toBe('AUTH.FORBIDDEN')
  })

  it('when the volunteer or an organiser opens an issued certificate, then a fresh link answers; a neighbour is refused; once revoked nobody gets it', async () => {
    const { certificate } = await issued((await asked('2026-01-01', '2026-11-22')).id)
    expect(ok(await as(P.resident)('volunteers', 'certificateFile', { certificateId: certificate.id })).url).toMatch(/\/private\/certificates\//)
    expect(ok(await as(P.secretary)('volunteers', 'certificateFile', { certificateId: certificate.id })).number).toBe(certificate.number)
    expect(errorCode(await as(P.resident2)('volunteers', 'certificateFile', { certificateId: certificate.id }))).toBe('AUTH.FORBIDDEN')
    ok(await as(P.staff)('volunteers', 'revokeCertificate', { certificateId: certificate.id, reason: 'error', note: '服务地点写错' }))
    expect(errorCode(await as(P.resident)('volunteers', 'certificateFile', { certificateId: certificate.id }))).toBe('CERTIFICATE.NOT_ISSUED')
  })
})

describe('verifying a certificate, signed in or not', () => {
  let number: string
  let certificateId: string
  beforeEach(async () => {
    await served(P.resident, SERVICE)
    const { certificate } = await issued((await asked('2026-01-01', '2026-11-22')).id)
    number = certificate.number!
    certificateId = certificate.id
  })

  it('when a stranger with no sign-in checks a valid number, then it is valid with the facts it states, the name masked and no phone', async () => {
    const answer = await stranger({ number })
    const check = ok(answer)
    expect(check).toMatchObject({
      number,
      status: 'valid',
      statusLabel: '有效',
      volunteerName: '王**',
      nameMatches: null,
      from: '2026-01-01',
      to: '2026-11-22',
      totalHours: 5.17,
      totalDuration: '5小时10分',
      organisation: '幸福社区居民委员会',
      issuerName: '陈静',
      contact: '028-87654321',
      issuedOn: '2026-11-22',
      revokedOn: null,
      revokeReason: null,
    })
    expect(check.activities).toEqual([
      { date: '2026-03-08', place: '幸福社区党群服务中心', content: '三八节慰问独居老人：陪老人聊天、打扫卫生', hours: 2, duration: '2小时' },
      { date: '2026-05-01', place: '3栋1单元', content: '楼道清扫', hours: 1.67, duration: '1小时40分' },
      { date: '2026-09-10', place: '幸福社区2栋', content: '帮邻居换灯泡：为独居老人更换厨房灯泡', hours: 1.5, duration: '1小时30分' },
    ])
    const text = JSON.stringify(check)
    for (const secret of ['王秀英', '13800000001', '0001', P.resident, certificateId]) expect(text).not.toContain(secret)
  })

  it('when the number is typed in lower case without dashes, or the whole link is pasted, then the same certificate answers', async () => {
    expect(ok(await stranger({ number: number.replace(/-/g, '').toLowerCase() })).number).toBe(number)
    expect(ok(await stranger({ number: `https://qr.example.invalid/v/${number.replace(/-/g, '')}` })).number).toBe(number)
  })

  it('when the verifier types the name printed on the paper, then it says whether it is the name the certificate was issued to', async () => {
    expect(ok(await stranger({ number, name: '王 秀英' })).nameMatches).toBe(true)
    expect(ok(await stranger({ number, name: '王小明' })).nameMatches).toBe(false)
  })

  it('when the certificate was revoked, then the page says so with the day and the neutral reason, never the organiser’s note', async () => {
    world.clock(new Date('2026-11-25T10:00:00+08:00'))
    ok(await as(P.staff)('volunteers', 'revokeCertificate', { certificateId, reason: 'corrected', note: '5月1日实际服务1小时，已更正' }))
    const check = ok(await stranger({ number }))
    expect(check).toMatchObject({ status: 'revoked', statusLabel: '已作废', revokedOn: '2026-11-25', revokeReason: '服务记录已更正' })
    expect(JSON.stringify(check)).not.toContain('实际服务1小时')
    const mine = ok(await as(P.resident)('volunteers', 'certificates', { communityId: XINGFU }))
    expect(mine.items[0]).toMatchObject({ status: 'revoked', revokeReason: '服务记录已更正', revokeNote: '5月1日实际服务1小时，已更正', can: [] })
  })

  it('when a number was never issued (forged, mistyped, or a request not yet decided), then a clear Chinese message says it is unknown', async () => {
    const pending = await asked('2026-01-01', '2026-06-30')
    for (const forged of ['ZY-ABCD-EFGH-JKMN-PQRS', '不是编号', pending.id]) {
      const answer = await stranger({ number: forged })
      expect(answer.ok ? null : answer.error).toEqual({
        code: 'CERTIFICATE.UNKNOWN_NUMBER',
        message: '查无此证明编号：这份证明可能是伪造的，或编号有误。请核对证明上的编号，或联系出具单位核实',
      })
    }
  })

  it('when one caller tries five wrong numbers, then the sixth try waits even for a right number, while another caller is still answered', async () => {
    const web = { TCB_UUID: 'anon-browser-1' }
    for (let i = 0; i < 5; i++) expect(errorCode(await stranger({ number: `ZY-ABCD-EFGH-JKMN-PQR${'ABCDE'[i]}` }, web))).toBe('CERTIFICATE.UNKNOWN_NUMBER')
    expect(errorCode(await stranger({ number: 'ZY-ABCD-EFGH-JKMN-PQRZ' }, web))).toBe('CERTIFICATE.UNKNOWN_NUMBER')
    expect(errorCode(await stranger({ number }, web))).toBe('CODE.TOO_MANY_TRIES')
    expect(ok(await stranger({ number }, { TCB_UUID: 'anon-browser-2' })).status).toBe('valid')
    expect(ok(await as(P.resident2)('volunteers', 'verifyCertificate', { number })).status).toBe('valid')
  })

  it('when a guesser tries numbers as fast as the limit allows, then finding one of a million issued certificates takes far longer than anyone lives', () => {
    const space = 31 ** 16
    expect(yearsToGuess(space, 1_000_000, maxTriesPerYear(CALLER_POLICY))).toBeGreaterThan(1e12)
  })
})

describe('a volunteer’s own data', () => {
  beforeEach(() => served(P.resident, SERVICE))

  it('when the volunteer downloads their data, then their certificates and the notes on their record are in it', async () => {
    ok(
      await as(P.staff)('volunteers', 'addRecordNote', {
        communityId: XINGFU,
        openid: P.resident,
        requestId: rid(),
        kind: 'evaluation',
        date: '2026-07-01',
        grade: 'good',
        text: '认真负责',
      }),
    )
    const { certificate } = await issued((await asked('2026-01-01', '2026-11-22')).id)
    const mine = ok(await as(P.resident)('users', 'myData', {}))
    const data = JSON.parse(world.stored(mine.fileID)!.toString('utf8'))
    expect(data.志愿服务证明).toEqual([expect.objectContaining({ 证明编号: certificate.number, 状态: 'issued', 出具单位: '幸福社区居民委员会' })])
    expect(data.志愿服务记录中的培训表彰评价).toEqual([expect.objectContaining({ 类别: 'evaluation', 评价: '认真负责', 记录人: '陈静' })])
  })

  it('when the volunteer deletes their account, then waiting requests go, and an issued certificate still checks (masked name, name comparison) without leading back to them', async () => {
    const { certificate } = await issued((await asked('2026-01-01', '2026-11-22')).id)
    await asked('2026-01-01', '2026-06-30')
    ok(await as(P.resident)('users', 'deleteAccount', { confirm: '注销' }))
    const left = await findAll<VolunteerCertificateDoc>('volunteerCertificates', {})
    expect(left.map((c) => [c.number, c.name, c.issued?.maskedPhone, c.openid === P.resident])).toEqual([[certificate.number, '已注销用户', null, false]])
    expect(ok(await stranger({ number: certificate.number!, name: '王秀英' }))).toMatchObject({ status: 'valid', volunteerName: '王**', nameMatches: true })
  })
})
