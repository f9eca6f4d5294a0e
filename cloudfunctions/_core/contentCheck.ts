/**
 * Content security: every text and image a person makes public passes WeChat's check first.
 *   pass   → shown as usual;
 *   review → kept, but hidden from the public until staff publish it (the moderation queue);
 *   risky  → refused (CONTENT.RISKY), nothing written.
 * Texts go through security.msgSecCheck v2, images through security.mediaCheckAsync v2 (wx.ts); locally a word-list
 * stand-in answers behind the same interface (local/wx.ts). Deployed, an image's verdict arrives later as a push
 * event, so an image counts as 'review' until then (see applyMediaVerdict).
 */
import { AppError } from '../../types'
import { wx, type SecScene, type Suggest } from './wx'

export type { Suggest } from './wx'

export interface CheckWho {
  openid: string
  scene: SecScene
}

/** msgSecCheck scenes by what the content is */
export const SCENE = { profile: 1, comment: 2, forum: 3 } as const satisfies Record<string, SecScene>

export interface Verdict {
  suggest: Suggest
  /** WeChat's label of a text (100 正常); null for images or when the check itself failed */
  label: number | null
  /** image checks whose verdict is still to arrive */
  awaitingTraceIds: string[]
  /** 'review' because of a verdict (or a failed check), not only because image verdicts are still to arrive */
  judged: boolean
}

const RANK: Record<Suggest, number> = { pass: 0, review: 1, risky: 2 }
const worst = (a: Suggest, b: Suggest): Suggest => (RANK[a] >= RANK[b] ? a : b)

/**
 * One text. When WeChat cannot be asked (network, quota), the text is held for review rather than shown
 * unchecked or refused: a resident's problem still reaches the grid member.
 */
export async function checkText(text: string, who: CheckWho): Promise<Verdict> {
  if (!text.trim()) return { suggest: 'pass', label: null, awaitingTraceIds: [], judged: false }
  try {
    const r = await wx().msgSecCheck({ openid: who.openid, scene: who.scene, content: text })
    return { suggest: r.suggest, label: r.label, awaitingTraceIds: [], judged: r.suggest !== 'pass' }
  } catch (e) {
    console.error('msgSecCheck failed, holding the text for review:', e)
    return { suggest: 'review', label: null, awaitingTraceIds: [], judged: true }
  }
}

/** Images: each is submitted for checking; one without a verdict yet counts as 'review'. */
export async function checkImages(fileIDs: readonly string[], who: CheckWho): Promise<Verdict> {
  let suggest: Suggest = 'pass'
  let judged = false
  const awaiting: string[] = []
  for (const fileID of fileIDs) {
    try {
      const r = await wx().mediaCheckAsync({ openid: who.openid, scene: who.scene, fileID })
      if (r.suggest) {
        suggest = worst(suggest, r.suggest)
        judged ||= r.suggest !== 'pass'
      } else {
        suggest = worst(suggest, 'review')
        awaiting.push(r.traceId)
      }
    } catch (e) {
      console.error('mediaCheckAsync failed, holding the image for review:', e)
      suggest = worst(suggest, 'review')
      judged = true
    }
  }
  return { suggest, label: null, awaitingTraceIds: awaiting, judged }
}

/** Texts and images together: the worst verdict wins. */
export async function checkContent(content: { texts: (string | null | undefined)[]; images?: readonly string[] }, who: CheckWho): Promise<Verdict> {
  const text = content.texts.filter((t): t is string => !!t && !!t.trim()).join('\n')
  const t = await checkText(text, who)
  if (t.suggest === 'risky') return t
  const i = await checkImages(content.images ?? [], who)
  return { suggest: worst(t.suggest, i.suggest), label: t.label, awaitingTraceIds: i.awaitingTraceIds, judged: t.judged || i.judged }
}

/** Refuses risky content; answers the verdict otherwise ('pass' or 'review'). */
export async function screen(content: { texts: (string | null | undefined)[]; images?: readonly string[] }, who: CheckWho): Promise<Verdict> {
  const v = await checkContent(content, who)
  if (v.suggest === 'risky') throw new AppError('CONTENT.RISKY')
  return v
}
