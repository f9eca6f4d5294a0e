import { platformContext } from '../_core/cloud'
import type { MediaVerdict } from '../_core/domain/moderation'
import type { Suggest } from '../_core/wx'

/**
 * Telling WeChat's push of an image verdict from anything else that may reach this function.
 *
 * The push (security.mediaCheckAsync v2, "异步检测结果推送"), as CloudBase hands a message push to a cloud function
 * (云开发 → 设置 → 消息推送, mode 云函数: the event IS the push's JSON body):
 *
 *   { ToUserName: 'gh_…', FromUserName: '<openid given to the check>', CreateTime: 1626959646, MsgType: 'event',
 *     Event: 'wxa_media_check', appid: 'wx…', trace_id: '60f96f1d-3845297a-1976a3ae', version: 2,
 *     detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
 *     errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } }
 *
 * and, when WeChat could not check the image, `errcode` ≠ 0 (e.g. -1008 "下载错误") with `detail: []` and no
 * `result`. Numbers have been seen as strings ("version": "2", "errcode": "0") in pushes converted from XML, so
 * both are accepted.
 */

const SUGGESTS: readonly Suggest[] = ['pass', 'review', 'risky']

export type PushReading = { ok: true; verdict: MediaVerdict } | { ok: false; why: string }

const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : null)

/**
 * Pure: the verdict a v2 `wxa_media_check` push carries, or why the event is not one. An unknown `suggest`, or an
 * errcode instead of a result, reads as "no verdict" (null): the image is left for staff, never published.
 */
export function readMediaCheckPush(event: unknown): PushReading {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return { ok: false, why: 'the event is not an object' }
  const e = event as Record<string, unknown>
  if (e.MsgType !== 'event') return { ok: false, why: `MsgType is ${JSON.stringify(e.MsgType)}, not "event"` }
  if (e.Event !== 'wxa_media_check') return { ok: false, why: `Event is ${JSON.stringify(e.Event)}, not "wxa_media_check"` }
  if (num(e.version) !== 2) return { ok: false, why: `version is ${JSON.stringify(e.version)}: only version 2 checks are asked for` }
  if (typeof e.trace_id !== 'string' || !e.trace_id) return { ok: false, why: 'the push has no trace_id' }
  const errcode = num(e.errcode) ?? 0
  const suggest = (e.result as { suggest?: unknown } | undefined)?.suggest
  const known = typeof suggest === 'string' && (SUGGESTS as readonly string[]).includes(suggest) ? (suggest as Suggest) : null
  return { ok: true, verdict: { traceId: e.trace_id, suggest: errcode === 0 ? known : null } }
}

/** Fields only a client's call puts in the event: serve()'s envelope, and the userInfo wx.cloud.callFunction injects. */
const CALL_FIELDS = ['action', 'data', 'userInfo'] as const
/** SOURCE values (TCB_SOURCE, a comma-separated call chain) of calls made from a client: the mini-program, WeChat
 * devtools and their local debugging. */
const CLIENT_SOURCES = new Set(['wx_client', 'wx_devtools', 'wx_localdebug'])
/** Identities the platform attaches to a web-SDK user's call. */
const WEB_CALLER_KEYS = ['TCB_UUID', 'TCB_CUSTOM_USER_ID'] as const

/**
 * Why this event is a person's call rather than WeChat's push, or null. A push carries no `action`/`data`/`userInfo`,
 * was not made from a client (SOURCE), and names no web user. It may carry an OPENID: CloudBase attaches the pushed
 * message's user to a push (its customer-service example answers `getWXContext().OPENID`), which for this push is
 * the `FromUserName` given to the check — so an OPENID is accepted only when it is that one.
 */
export function clientCallReason(event: unknown, context: unknown): string | null {
  const e = (event !== null && typeof event === 'object' ? event : {}) as Record<string, unknown>
  const field = CALL_FIELDS.find((k) => k in e)
  if (field) return `the event has "${field}", as a client's call does`
  let env: Record<string, unknown>
  try {
    env = platformContext(context)
  } catch {
    return 'the context cannot be read'
  }
  const source = typeof env.TCB_SOURCE === 'string' ? env.TCB_SOURCE : ''
  const client = source
    .split(',')
    .map((s) => s.trim())
    .find((s) => CLIENT_SOURCES.has(s))
  if (client) return `the call came from a client (SOURCE ${source})`
  const web = WEB_CALLER_KEYS.find((k) => typeof env[k] === 'string' && env[k] !== '')
  if (web) return `the call carries a web user (${web})`
  const openid = typeof env.WX_OPENID === 'string' ? env.WX_OPENID : ''
  if (openid && openid !== e.FromUserName) return "the call carries an OPENID that is not the push's FromUserName"
  return null
}
