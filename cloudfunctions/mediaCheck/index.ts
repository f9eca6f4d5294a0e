import { now } from '../_core/clock'
import { applyMediaVerdict } from '../_core/moderation'
import { clientCallReason, readMediaCheckPush } from './push'

export type Answer = 'success' | { ok: false; error: { code: 'AUTH.FORBIDDEN'; message: string } }

const REFUSED: Answer = { ok: false, error: { code: 'AUTH.FORBIDDEN', message: '该功能只接收微信内容安全检测结果推送' } }

/**
 * The `mediaCheck` function: receives WeChat's push of an image verdict (security.mediaCheckAsync v2, message push
 * event `wxa_media_check`, routed to this function in 云开发 → 设置 → 消息推送) and applies it to the held content
 * waiting for that trace id: pass publishes it when nothing else holds it, risky hides it, review leaves it for staff
 * (see _core/domain/moderation.ts). Not served through `serve`: it has no actions, and refuses a person's call.
 *
 * Answers 'success' to every push, applied or ignored (another Event, an unknown or already applied trace id), so
 * WeChat does not deliver it again; a push applied twice changes nothing the second time. A database failure
 * throws: the invocation fails and a redelivery can still apply the verdict.
 */
export async function main(event: unknown, context: unknown): Promise<Answer> {
  const refusal = clientCallReason(event, context)
  if (refusal) {
    console.warn(`mediaCheck: refused, ${refusal}`)
    return REFUSED
  }
  const push = readMediaCheckPush(event)
  if (!push.ok) {
    console.warn(`mediaCheck: ignored an event that is not an image verdict push: ${push.why}`)
    return 'success'
  }
  const { traceId, suggest } = push.verdict
  const applied = await applyMediaVerdict(push.verdict, now().toISOString())
  if (!applied.length)
    console.warn(`mediaCheck: ignored trace ${traceId} (${suggest ?? 'no verdict'}): no held content waits for it (already applied, or not ours)`)
  for (const a of applied) console.log(`mediaCheck: trace ${traceId} ${suggest ?? 'no verdict'} → ${a.kind} ${a.refId} item ${a.itemId} ${a.status}`)
  return 'success'
}
