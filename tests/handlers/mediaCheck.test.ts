import { findAll } from '../../cloudfunctions/_core/repos/base'
import { main as mediaCheck } from '../../cloudfunctions/mediaCheck'
import { platformContext } from '../../local/context'
import { demoIds } from '../../local/demo'
import { deliverMediaChecks, issuedMediaChecks } from '../../local/wx'
import type { ModerationDoc, TicketDoc } from '../../types'
import fixtures from './fixtures/wxa_media_check.json'
import { report as reportAt } from './tickets.helpers'
import { P, XINGFU, as, ok, snapshot, useWorld } from '../support/world'

/**
 * Image verdicts arriving by themselves: a photo the local checker judges later ("async" in its path) is held like
 * WeChat's real check holds it, and the push WeChat sends (the documented body, tests/handlers/fixtures) publishes or
 * hides it through the `mediaCheck` function.
 */
useWorld()

/** 4栋1单元: 李建国 (resident2) lives in 4栋, so he is the neighbour; 第二网格's member handles it. */
const CODE_B4U1 = demoIds.unitCode(XINGFU, 4, 1)
const GRID = P.gridMember2
const TEXT = '楼道灯坏了'
const REVIEW = '再不修我就去投诉曝光'

let n = 0
/** A photo 王秀英 uploaded, whose path the local checker answers with a trace id only; its push will say what the rest
 * of the name says. */
const photo = (verdict: 'pass' | 'risky' | 'review' = 'pass') => `cloud://env/uploads/${P.resident}/async-${verdict}-${++n}.png`
const report = (photos: string[], text = TEXT) => reportAt(P.resident, { placeCode: CODE_B4U1, text, photos })

const traceOf = (fileID: string): string => {
  const c = issuedMediaChecks.find((i) => i.fileID === fileID)
  if (!c) throw new Error(`no image check was issued for ${fileID}`)
  return c.traceId
}
type Fixture = Exclude<keyof typeof fixtures, '$comment'>
/** WeChat's push for that photo's check: the recorded body with the trace id the local checker issued. */
const pushFor = (kind: Fixture, fileID: string, over: Record<string, unknown> = {}) => ({
  ...fixtures[kind],
  trace_id: traceOf(fileID),
  FromUserName: P.resident,
  ...over,
})
/** As CloudBase delivers a message push to the function: the body as the event, no client behind it. */
const deliver = (event: unknown, context: unknown = platformContext(null)) => mediaCheck(event, context)

const neighbourView = async (ticketId: string) => ok(await as(P.resident2)('tickets', 'get', { ticketId }))
const itemsOf = (refId: string) => findAll<ModerationDoc>('moderation', { refId })
const storedTicket = async (id: string) => (await findAll<TicketDoc>('tickets', { _id: id }))[0]
const queue = async () => ok(await as(P.staff)('moderation', 'list', { communityId: XINGFU })).items

let warn: jest.SpyInstance
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  jest.spyOn(console, 'log').mockImplementation(() => {})
})
afterEach(() => jest.restoreAllMocks())

describe('image verdicts pushed by WeChat', () => {
  it('when a resident reports with a photo WeChat judges later, then neighbours see neither words nor photo until the pass push arrives, and then both', async () => {
    const p = photo()
    const t = await report([p])
    expect(t.moderation).toBe('pending')
    expect(await neighbourView(t.id)).toMatchObject({ text: '内容审核中，暂不公开', photos: [] })
    expect(await queue()).toEqual([expect.objectContaining({ refId: t.id, status: 'pending', awaitingImages: 1 })])

    expect(await deliver(pushFor('pass', p))).toBe('success')

    expect(await neighbourView(t.id)).toMatchObject({ text: TEXT, photos: [p], moderation: 'published' })
    expect((await storedTicket(t.id)).moderation).toBe('published')
    expect(await queue()).toEqual([expect.objectContaining({ refId: t.id, status: 'published', decidedByName: '系统', awaitingImages: 0, reason: null })])
  })

  it('when the same push is delivered twice, then the second changes nothing and is noted as ignored', async () => {
    const p = photo()
    const t = await report([p])
    await deliver(pushFor('pass', p))
    const before = await snapshot()
    warn.mockClear()
    expect(await deliver(pushFor('pass', p))).toBe('success')
    expect(await snapshot()).toEqual(before)
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ignored trace local-trace-\d+ .*no held content waits for it/))
    expect((await storedTicket(t.id)).moderation).toBe('published')
  })

  it('when the push says risky, then the photo stays hidden as after a rejection, the reason is recorded, and the grid member still handles the ticket', async () => {
    const p = photo('risky')
    const t = await report([p])
    expect(await deliver(pushFor('risky', p))).toBe('success')
    expect(await neighbourView(t.id)).toMatchObject({ text: '内容经审核不予公开', photos: [], moderation: 'rejected' })
    const [item] = await itemsOf(t.id)
    expect(item).toMatchObject({ status: 'rejected', reason: '图片未通过微信内容安全检测', decidedBy: 'system', awaitingTraceIds: [], judged: true })
    expect(ok(await as(P.resident)('tickets', 'get', { ticketId: t.id })).photos).toEqual([p]) // the reporter still sees it
    expect(ok(await as(GRID)('tickets', 'accept', { ticketId: t.id })).state).toBe('accepted')
  })

  it('when the push says review, then the item stays for staff, marked as judged, and staff publishing it shows the photo', async () => {
    const p = photo('review')
    const t = await report([p])
    expect(await deliver(pushFor('review', p))).toBe('success')
    const [item] = await itemsOf(t.id)
    expect(item).toMatchObject({ status: 'pending', awaitingTraceIds: [], judged: true, decidedBy: null })
    expect(await neighbourView(t.id)).toMatchObject({ photos: [] })
    ok(await as(P.staff)('moderation', 'decide', { itemId: item._id, publish: true }))
    expect(await neighbourView(t.id)).toMatchObject({ text: TEXT, photos: [p] })
  })

  it('when WeChat could not check the image (an errcode instead of a result), then it is left for staff like a review', async () => {
    const p = photo()
    const t = await report([p])
    expect(await deliver(pushFor('downloadFailed', p))).toBe('success')
    expect(await itemsOf(t.id)).toEqual([expect.objectContaining({ status: 'pending', awaitingTraceIds: [], judged: true })])
    expect((await storedTicket(t.id)).moderation).toBe('pending')
  })

  it('when the words were held for review, then a passing photo leaves the report waiting for staff', async () => {
    const p = photo()
    const t = await report([p], REVIEW)
    await deliver(pushFor('pass', p))
    expect(await itemsOf(t.id)).toEqual([expect.objectContaining({ status: 'pending', awaitingTraceIds: [], judged: true })])
    expect(await neighbourView(t.id)).toMatchObject({ photos: [] })
    expect(JSON.stringify(await neighbourView(t.id))).not.toContain(REVIEW)
  })

  it('when a report has two photos, then one passing leaves it waiting, and it is shown once the other passes too', async () => {
    const [a, b] = [photo(), photo()]
    const t = await report([a, b])
    await deliver(pushFor('pass', a))
    expect(await queue()).toEqual([expect.objectContaining({ refId: t.id, status: 'pending', awaitingImages: 1 })])
    expect(await neighbourView(t.id)).toMatchObject({ photos: [] })
    await deliver(pushFor('pass', b))
    expect(await neighbourView(t.id)).toMatchObject({ photos: [a, b] })
  })

  it("when both photos' pushes arrive at once, then the report is decided exactly once: shown when both pass, hidden when one is risky", async () => {
    const [a, b] = [photo(), photo()]
    const shown = await report([a, b])
    expect(await Promise.all([deliver(pushFor('pass', a)), deliver(pushFor('pass', b))])).toEqual(['success', 'success'])
    expect(await itemsOf(shown.id)).toEqual([expect.objectContaining({ status: 'published', awaitingTraceIds: [], judged: false })])
    expect((await storedTicket(shown.id)).moderation).toBe('published')

    const [c, d] = [photo(), photo('risky')]
    const hidden = await report([c, d])
    await Promise.all([deliver(pushFor('pass', c)), deliver(pushFor('risky', d))])
    expect(await itemsOf(hidden.id)).toEqual([expect.objectContaining({ status: 'rejected', awaitingTraceIds: [], reason: '图片未通过微信内容安全检测' })])
    expect((await storedTicket(hidden.id)).moderation).toBe('rejected')
  })

  it('when staff decided before the push arrived, then their decision stands and the trace is no longer awaited', async () => {
    const p = photo()
    const t = await report([p])
    const [item] = await itemsOf(t.id)
    ok(await as(P.staff)('moderation', 'decide', { itemId: item._id, publish: false, reason: '照片含有住户隐私' }))
    await deliver(pushFor('pass', p))
    expect(await itemsOf(t.id)).toEqual([expect.objectContaining({ status: 'rejected', reason: '照片含有住户隐私', awaitingTraceIds: [] })])
    expect((await storedTicket(t.id)).moderation).toBe('rejected')
  })
})

describe('who may call it', () => {
  const refused = { ok: false, error: { code: 'AUTH.FORBIDDEN', message: '该功能只接收微信内容安全检测结果推送' } }
  /** A context as the platform builds it for a client's call, with its SOURCE and identities. */
  const clientContext = (env: Record<string, string>) => ({ request_id: 'r-client', function_name: 'mediaCheck', environment: JSON.stringify(env) })

  it('when a person calls it as an ordinary action, then AUTH.FORBIDDEN answers and nothing changes', async () => {
    const p = photo()
    await report([p])
    const before = await snapshot()
    expect(await deliver({ action: 'apply', data: pushFor('pass', p) }, platformContext(P.resident))).toEqual(refused)
    expect(await deliver({ action: 'apply', data: pushFor('pass', p) }, platformContext(null))).toEqual(refused)
    expect(await deliver({ data: pushFor('pass', p) }, platformContext(null))).toEqual(refused)
    expect(await snapshot()).toEqual(before)
  })

  it("when a person sends a push-shaped body, then the userInfo the mini-program call carries, a client SOURCE, a web user or an OPENID other than the push's user refuses it", async () => {
    const p = photo()
    const t = await report([p])
    const forged = pushFor('pass', p)
    const before = await snapshot()
    expect(await deliver({ ...forged, userInfo: { appId: 'wx-local-demo', openId: P.resident } }, platformContext(P.resident))).toEqual(refused)
    for (const source of ['wx_client', 'wx_devtools', 'wx_client,scf']) {
      expect(await deliver(forged, clientContext({ WX_OPENID: P.resident, WX_CONTEXT_KEYS: 'WX_OPENID', TCB_SOURCE: source }))).toEqual(refused)
    }
    expect(await deliver(forged, clientContext({ TCB_UUID: 'web-user-1', TCB_CONTEXT_KEYS: 'TCB_UUID' }))).toEqual(refused)
    expect(await deliver(forged, platformContext(P.resident2))).toEqual(refused)
    expect(await deliver(forged, {})).toEqual(refused) // a context the platform would never hand over
    expect(await snapshot()).toEqual(before)
    expect((await storedTicket(t.id)).moderation).toBe('pending')
  })

  it('when the push comes with its own user as OPENID in the context, then it is applied', async () => {
    const p = photo()
    const t = await report([p])
    expect(await deliver(pushFor('pass', p), platformContext(P.resident))).toBe('success')
    expect((await storedTicket(t.id)).moderation).toBe('published')
  })
})

describe('events that are not this push', () => {
  it('when another push, a malformed or version 1 event, or an unknown trace id arrives, then it is ignored with a logged note and nothing changes', async () => {
    const p = photo()
    await report([p])
    const pass = pushFor('pass', p)
    const { trace_id: _omit, ...noTrace } = pass
    const v1 = {
      ToUserName: 'gh_38cc49f9733b',
      FromUserName: P.resident,
      CreateTime: 1626959646,
      MsgType: 'event',
      Event: 'wxa_media_check',
      isrisky: 0,
      extra_info_json: '',
      appid: 'wx8f16a5e5b1b8f6a1',
      trace_id: pass.trace_id,
      status_code: 0,
    }
    const events: unknown[] = [
      { ...pass, Event: 'user_enter_tempsession' },
      { ...pass, MsgType: 'text', Content: '你好' },
      noTrace,
      { ...pass, trace_id: '' },
      v1,
      null,
      'wxa_media_check',
      [pass],
      { ...pass, trace_id: 'never-issued-by-us' },
    ]
    const before = await snapshot()
    warn.mockClear()
    for (const e of events) expect(await deliver(e)).toBe('success')
    expect(await snapshot()).toEqual(before)
    expect(warn).toHaveBeenCalledTimes(events.length)
    for (const [line] of warn.mock.calls) expect(line).toMatch(/^mediaCheck: ignored/)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Event is "user_enter_tempsession"'))
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ignored trace never-issued-by-us'))
  })

  it('when numbers come as strings (a push converted from XML), then the verdict is still read', async () => {
    const p = photo()
    const t = await report([p])
    expect(await deliver(pushFor('pass', p, { version: '2', errcode: '0' }))).toBe('success')
    expect((await storedTicket(t.id)).moderation).toBe('published')
  })
})

describe('local push delivery', () => {
  it('when the local checker held photos back, then deliverMediaChecks pushes each verdict once: the risky photo hidden, the passing one shown', async () => {
    const [good, bad] = [photo(), photo('risky')]
    const shown = await report([good])
    const hidden = await report([bad])
    const mine = (c: { fileID: string }) => [good, bad].includes(c.fileID)
    expect((await deliverMediaChecks(mediaCheck, mine)).map((c) => [c.fileID, c.suggest])).toEqual([
      [good, 'pass'],
      [bad, 'risky'],
    ])
    expect(await neighbourView(shown.id)).toMatchObject({ photos: [good] })
    expect(await neighbourView(hidden.id)).toMatchObject({ photos: [], moderation: 'rejected' })
    expect(await deliverMediaChecks(mediaCheck, mine)).toEqual([])
  })
})
