/**
 * WeChat open APIs ("云调用") the functions use: the edge of the world, so the one place tests and the local
 * gateway substitute. Deployed, calls go through @cloudbase/node-sdk to WeChat with the permissions each function
 * declares in its config.json; locally, `local/wx.ts` installs `globalThis.__LOCAL_WX__`.
 */
import { getApp } from './cloud'

export interface SubscribeMessage {
  touser: string
  templateId: string
  /** the page the message opens, with its query */
  page: string
  /** template fields, e.g. { thing1: { value: '设施报修' } } */
  data: Record<string, { value: string }>
}

export interface WxOpenApi {
  /** A mini-program code (wxacode.getUnlimited) opening `page` with `scene` (≤ 32 characters); PNG/JPEG bytes. */
  getUnlimitedCode(args: { scene: string; page: string; width?: number }): Promise<Buffer>
  /** subscribeMessage.send: 0 when delivered, else WeChat's errcode (43101: the person did not subscribe) */
  sendSubscribeMessage(message: SubscribeMessage): Promise<number>
}

declare global {
  // eslint-disable-next-line no-var
  var __LOCAL_WX__: WxOpenApi | undefined
}

/** Errors WeChat answers as JSON instead of an image, e.g. `{ errcode: 41030, errmsg: 'invalid page' }`. */
export class WxApiError extends Error {
  constructor(readonly errcode: number, errmsg: string) {
    super(`WeChat open API error ${errcode}: ${errmsg}`)
  }
}

const cloudWx: WxOpenApi = {
  async getUnlimitedCode({ scene, page, width = 430 }) {
    const res = (await getApp().callCompatibleWxOpenApi({
      apiName: 'wxacode.getUnlimited',
      requestData: Buffer.from(JSON.stringify({ scene, page, width, check_path: false })),
    })) as Buffer | { errcode?: number; errmsg?: string }
    if (Buffer.isBuffer(res)) {
      // a JSON error body comes back as bytes too
      if (res[0] === 0x7b) {
        const err = JSON.parse(res.toString('utf8')) as { errcode?: number; errmsg?: string }
        throw new WxApiError(err.errcode ?? -1, err.errmsg ?? 'unknown')
      }
      return res
    }
    throw new WxApiError(res.errcode ?? -1, res.errmsg ?? 'unknown')
  },
  async sendSubscribeMessage({ touser, templateId, page, data }) {
    const res = (await getApp().callWxOpenApi({
      apiName: 'subscribeMessage.send',
      requestData: { touser, templateId, page, data, miniprogramState: 'formal', lang: 'zh_CN' },
    })) as { result?: { errcode?: number } }
    return res.result?.errcode ?? 0
  },
}

export const wx = (): WxOpenApi => globalThis.__LOCAL_WX__ ?? cloudWx
