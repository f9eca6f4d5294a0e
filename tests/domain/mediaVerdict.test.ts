import { decideMediaVerdict, IMAGE_RISKY_REASON, type MediaVerdict } from '../../cloudfunctions/_core/domain/moderation'
import { readMediaCheckPush } from '../../cloudfunctions/mediaCheck/push'
import type { ModerationDoc } from '../../types'
import fixtures from '../handlers/fixtures/wxa_media_check.json'

const AT = '2026-11-22T01:00:00.000Z'
const item = (over: Partial<ModerationDoc> = {}): ModerationDoc => ({
  _id: 'ticket:t-1',
  communityId: 'c-xingfu',
  kind: 'ticket',
  refId: 't-1',
  text: '楼道灯坏了',
  images: ['cloud://env/uploads/o/a.png'],
  byOpenid: 'o',
  status: 'pending',
  reason: null,
  decidedBy: null,
  decidedAt: null,
  label: 100,
  awaitingTraceIds: ['tr-1'],
  judged: false,
  createdAt: AT,
  ...over,
})
const verdict = (suggest: MediaVerdict['suggest'], traceId = 'tr-1'): MediaVerdict => ({ traceId, suggest })

describe('decideMediaVerdict', () => {
  it('a pass for the only awaited image of an item nothing judged publishes it, by the system', () => {
    expect(decideMediaVerdict(item(), verdict('pass'), AT)).toEqual({
      apply: true,
      settled: true,
      next: item({ awaitingTraceIds: [], status: 'published', reason: null, decidedBy: 'system', decidedAt: AT }),
    })
  })

  it('a pass while another image is awaited, or after a verdict judged the item, only stops waiting for it', () => {
    expect(decideMediaVerdict(item({ awaitingTraceIds: ['tr-1', 'tr-2'] }), verdict('pass'), AT)).toEqual({
      apply: true,
      settled: false,
      next: item({ awaitingTraceIds: ['tr-2'] }),
    })
    expect(decideMediaVerdict(item({ judged: true }), verdict('pass'), AT)).toEqual({
      apply: true,
      settled: false,
      next: item({ awaitingTraceIds: [], judged: true }),
    })
  })

  it('risky rejects the item with the reason recorded, whatever else is awaited', () => {
    expect(decideMediaVerdict(item({ awaitingTraceIds: ['tr-1', 'tr-2'] }), verdict('risky'), AT)).toEqual({
      apply: true,
      settled: true,
      next: item({ awaitingTraceIds: ['tr-2'], judged: true, status: 'rejected', reason: IMAGE_RISKY_REASON, decidedBy: 'system', decidedAt: AT }),
    })
    expect(IMAGE_RISKY_REASON).toBe('图片未通过微信内容安全检测')
  })

  it('review, or no verdict at all, leaves the item for staff marked as judged', () => {
    for (const s of ['review', null] as const) {
      expect(decideMediaVerdict(item(), verdict(s), AT)).toEqual({ apply: true, settled: false, next: item({ awaitingTraceIds: [], judged: true }) })
    }
  })

  it('an item staff already decided keeps their decision; only the trace stops being awaited', () => {
    const decided = item({ status: 'rejected', reason: '不宜公开', decidedBy: 'dev-staff', decidedAt: AT })
    expect(decideMediaVerdict(decided, verdict('pass'), AT)).toEqual({ apply: true, settled: false, next: { ...decided, awaitingTraceIds: [] } })
  })

  it('a trace the item does not wait for (a push delivered again) changes nothing', () => {
    for (const s of ['pass', 'review', 'risky', null] as const) {
      expect(decideMediaVerdict(item({ awaitingTraceIds: [] }), verdict(s), AT)).toMatchObject({ apply: false })
      expect(decideMediaVerdict(item(), verdict(s, 'tr-other'), AT)).toMatchObject({ apply: false })
    }
  })

  it('applying a decision, then the same verdict again, is a fixed point', () => {
    for (const s of ['pass', 'review', 'risky', null] as const) {
      const first = decideMediaVerdict(item({ awaitingTraceIds: ['tr-1', 'tr-2'] }), verdict(s), AT)
      if (!first.apply) throw new Error('expected a decision')
      expect(decideMediaVerdict(first.next, verdict(s), AT)).toMatchObject({ apply: false })
    }
  })
})

describe('readMediaCheckPush', () => {
  it('reads the verdict of each documented v2 push body; an errcode instead of a result reads as no verdict', () => {
    expect(readMediaCheckPush(fixtures.pass)).toEqual({ ok: true, verdict: { traceId: fixtures.pass.trace_id, suggest: 'pass' } })
    expect(readMediaCheckPush(fixtures.risky)).toEqual({ ok: true, verdict: { traceId: fixtures.risky.trace_id, suggest: 'risky' } })
    expect(readMediaCheckPush(fixtures.review)).toEqual({ ok: true, verdict: { traceId: fixtures.review.trace_id, suggest: 'review' } })
    expect(readMediaCheckPush(fixtures.downloadFailed)).toEqual({ ok: true, verdict: { traceId: fixtures.downloadFailed.trace_id, suggest: null } })
  })

  it('an unknown suggest, or an errcode beside a result, is no verdict: never a pass', () => {
    expect(readMediaCheckPush({ ...fixtures.pass, result: { suggest: 'ok', label: 100 } })).toMatchObject({ ok: true, verdict: { suggest: null } })
    expect(readMediaCheckPush({ ...fixtures.pass, errcode: 43104 })).toMatchObject({ ok: true, verdict: { suggest: null } })
  })

  it('says why an event is not a v2 wxa_media_check push', () => {
    expect(readMediaCheckPush({ ...fixtures.pass, MsgType: 'text' })).toEqual({ ok: false, why: 'MsgType is "text", not "event"' })
    expect(readMediaCheckPush({ ...fixtures.pass, Event: 'subscribe' })).toEqual({ ok: false, why: 'Event is "subscribe", not "wxa_media_check"' })
    expect(readMediaCheckPush({ ...fixtures.pass, version: undefined })).toMatchObject({ ok: false, why: expect.stringMatching(/^version is/) })
    expect(readMediaCheckPush({ ...fixtures.pass, trace_id: 7 })).toEqual({ ok: false, why: 'the push has no trace_id' })
    expect(readMediaCheckPush(undefined)).toEqual({ ok: false, why: 'the event is not an object' })
  })
})
