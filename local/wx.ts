import QRCode from 'qrcode'
import type { SecScene, SubscribeMessage, Suggest, WxOpenApi } from '../cloudfunctions/_core/wx'
import { platformContext } from './context'

/** Subscription messages "sent" locally, newest last: what a phone would have received. */
export const sentMessages: SubscribeMessage[] = []

/** Demo word lists of the local content check; CONTENT_RISKY_WORDS / CONTENT_REVIEW_WORDS (comma-separated) replace them. */
export const DEFAULT_RISKY_WORDS = ['赌博', '代开发票']
export const DEFAULT_REVIEW_WORDS = ['投诉曝光']

const wordsOf = (env: string | undefined, fallback: string[]): string[] =>
  env === undefined
    ? fallback
    : env
        .split(/[,，]/)
        .map((w) => w.trim())
        .filter(Boolean)

let traces = 0

/**
 * An image check the local stand-in answered the way WeChat does (a trace id, the verdict later): photos whose path
 * contains "async" (every photo with CONTENT_IMAGES_ASYNC=1). Its verdict, read from the rest of the path as the
 * immediate ones are, waits for `deliverMediaChecks`.
 */
export interface IssuedMediaCheck {
  traceId: string
  fileID: string
  openid: string
  scene: SecScene
  /** what the push will say */
  suggest: Suggest
  delivered: boolean
}

/** Image checks issued with their verdict held back, oldest first. */
export const issuedMediaChecks: IssuedMediaCheck[] = []

const verdictOf = (fileID: string): Suggest => (/risky/i.test(fileID) ? 'risky' : /review/i.test(fileID) ? 'review' : 'pass')

/**
 * Local stand-ins for WeChat's open APIs. A real mini-program code is a round "sun code" only WeChat can make;
 * locally a plain QR carries what the mini-program would receive (`<page>?scene=<scene>`), so the path is testable.
 */
export const localWx: WxOpenApi = {
  async getUnlimitedCode({ scene, page, width = 430 }) {
    return QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, { type: 'png', width, margin: 4, errorCorrectionLevel: 'M' })
  },
  async sendSubscribeMessage(message) {
    sentMessages.push(message)
    return 0
  },
  /** a configurable word list stands in for WeChat's judgement: a risky word → risky (label 20006), a review word → review */
  async msgSecCheck({ content }) {
    const has = (words: string[]) => words.some((w) => content.includes(w))
    if (has(wordsOf(process.env.CONTENT_RISKY_WORDS, DEFAULT_RISKY_WORDS))) return { suggest: 'risky', label: 20006 }
    if (has(wordsOf(process.env.CONTENT_REVIEW_WORDS, DEFAULT_REVIEW_WORDS))) return { suggest: 'review', label: 21000 }
    return { suggest: 'pass', label: 100 }
  },
  /**
   * images pass at once, unless their path says otherwise (a test hook): ".../risky-1.png", ".../review-1.png"; with
   * "async" in the path (".../async-1.png", ".../async-risky-1.png"), or every image with CONTENT_IMAGES_ASYNC=1, the
   * verdict comes later, as WeChat's push does
   */
  async mediaCheckAsync({ fileID, openid, scene }) {
    const traceId = `local-trace-${++traces}`
    if (/async/i.test(fileID) || process.env.CONTENT_IMAGES_ASYNC === '1') {
      issuedMediaChecks.push({ traceId, fileID, openid, scene, suggest: verdictOf(fileID), delivered: false })
      return { traceId }
    }
    return { traceId, suggest: verdictOf(fileID) }
  },
}

/**
 * The body WeChat pushes with a v2 image verdict (security.mediaCheckAsync, "异步检测结果推送"), as CloudBase hands it
 * to the function a message push is routed to.
 */
export const mediaCheckPush = (c: Pick<IssuedMediaCheck, 'traceId' | 'openid' | 'suggest'>, at = new Date()) => {
  const label = c.suggest === 'pass' ? 100 : c.suggest === 'risky' ? 20002 : 21000
  return {
    ToUserName: 'gh_local_demo',
    FromUserName: c.openid,
    CreateTime: Math.floor(at.getTime() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: 'wx-local-demo',
    trace_id: c.traceId,
    version: 2,
    detail: [{ strategy: 'content_model', errcode: 0, suggest: c.suggest, label, prob: 90 }],
    errcode: 0,
    errmsg: 'ok',
    result: { suggest: c.suggest, label },
  }
}

/**
 * Delivers the held-back verdicts not delivered yet (all, or those `which` picks) to `main` — the mediaCheck
 * function — as WeChat's message push would: the push body as the event, no caller. Answers what it delivered.
 */
export async function deliverMediaChecks(
  main: (event: unknown, context: unknown) => Promise<unknown>,
  which: (c: IssuedMediaCheck) => boolean = () => true,
): Promise<IssuedMediaCheck[]> {
  const due = issuedMediaChecks.filter((c) => !c.delivered && which(c))
  for (const c of due) {
    await main(mediaCheckPush(c), platformContext(null))
    c.delivered = true
  }
  return due
}

export function installLocalWx(): () => void {
  globalThis.__LOCAL_WX__ = localWx
  return () => {
    if (globalThis.__LOCAL_WX__ === localWx) globalThis.__LOCAL_WX__ = undefined
  }
}
