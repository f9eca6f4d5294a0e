import QRCode from 'qrcode'
import type { SubscribeMessage, WxOpenApi } from '../cloudfunctions/_core/wx'

/** Subscription messages "sent" locally, newest last: what a phone would have received. */
export const sentMessages: SubscribeMessage[] = []

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
}

export function installLocalWx(): () => void {
  globalThis.__LOCAL_WX__ = localWx
  return () => {
    if (globalThis.__LOCAL_WX__ === localWx) globalThis.__LOCAL_WX__ = undefined
  }
}
