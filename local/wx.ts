import QRCode from 'qrcode'
import type { SubscribeMessage, Suggest, WxOpenApi } from '../cloudfunctions/_core/wx'

/** Subscription messages "sent" locally, newest last: what a phone would have received. */
export const sentMessages: SubscribeMessage[] = []

/** Demo word lists of the local content check; CONTENT_RISKY_WORDS / CONTENT_REVIEW_WORDS (comma-separated) replace them. */
export const DEFAULT_RISKY_WORDS = ['赌博', '代开发票']
export const DEFAULT_REVIEW_WORDS = ['投诉曝光']

const wordsOf = (env: string | undefined, fallback: string[]): string[] =>
  env === undefined ? fallback : env.split(/[,，]/).map((w) => w.trim()).filter(Boolean)

let traces = 0

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
  /** images pass at once, unless their path says otherwise (a test hook): ".../risky-1.png", ".../review-1.png" */
  async mediaCheckAsync({ fileID }) {
    const suggest: Suggest = /risky/i.test(fileID) ? 'risky' : /review/i.test(fileID) ? 'review' : 'pass'
    return { traceId: `local-trace-${++traces}`, suggest }
  },
}

export function installLocalWx(): () => void {
  globalThis.__LOCAL_WX__ = localWx
  return () => {
    if (globalThis.__LOCAL_WX__ === localWx) globalThis.__LOCAL_WX__ = undefined
  }
}
