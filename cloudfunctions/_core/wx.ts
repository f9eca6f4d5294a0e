/**
 * WeChat open APIs ("云调用") the functions use: the edge of the world, so the one place tests and the local
 * gateway substitute. Deployed, calls go through @cloudbase/node-sdk to WeChat with the permissions each function
 * declares in its config.json; locally, `local/wx.ts` installs `globalThis.__LOCAL_WX__`.
 */
import { getApp } from './cloud'
import type { Suggest } from './domain/moderation'

export interface SubscribeMessage {
  touser: string
  templateId: string
  /** the page the message opens, with its query */
  page: string
  /** template fields, e.g. { thing1: { value: '设施报修' } } */
  data: Record<string, { value: string }>
}

/** WeChat's content-security verdict: `pass`, `review` (a person should look), `risky` (must not be shown). */
export type { Suggest }

/** msgSecCheck v2 scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志 */
export type SecScene = 1 | 2 | 3 | 4

export interface WxOpenApi {
  /** A mini-program code (wxacode.getUnlimited) opening `page` with `scene` (≤ 32 characters); PNG/JPEG bytes. */
  getUnlimitedCode(args: { scene: string; page: string; width?: number }): Promise<Buffer>
  /** subscribeMessage.send: 0 when delivered, else WeChat's errcode (43101: the person did not subscribe) */
  sendSubscribeMessage(message: SubscribeMessage): Promise<number>
  /** security.msgSecCheck v2: the verdict on a text and WeChat's label (100 正常, 20001 时政, 20006 违法犯罪, …) */
  msgSecCheck(args: { openid: string; scene: SecScene; content: string }): Promise<{ suggest: Suggest; label: number }>
  /**
   * security.mediaCheckAsync v2 for one image: WeChat answers a trace id and pushes the verdict later (message push
   * event `wxa_media_check`). `suggest` is present only when a verdict is known at once (the local stand-in).
   */
  mediaCheckAsync(args: { openid: string; scene: SecScene; fileID: string }): Promise<{ traceId: string; suggest?: Suggest }>
}

declare global {
  var __LOCAL_WX__: WxOpenApi | undefined
}

/** Errors WeChat answers as JSON instead of an image, e.g. `{ errcode: 41030, errmsg: 'invalid page' }`. */
export class WxApiError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
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
  async msgSecCheck({ openid, scene, content }) {
    const res = (await getApp().callWxOpenApi({
      apiName: 'security.msgSecCheck',
      requestData: { openid, scene, version: 2, content },
    })) as { result?: { errcode?: number; errmsg?: string; result?: { suggest?: Suggest; label?: number } } }
    const body = res.result ?? {}
    if (body.errcode) throw new WxApiError(body.errcode, body.errmsg ?? 'unknown')
    return { suggest: body.result?.suggest ?? 'review', label: body.result?.label ?? 0 }
  },
  async mediaCheckAsync({ openid, scene, fileID }) {
    // WeChat fetches the image itself: it needs a URL, not a CloudBase fileID
    const urls = (await getApp().getTempFileURL({ fileList: [fileID] })) as { fileList?: { tempFileURL?: string }[] }
    const mediaUrl = urls.fileList?.[0]?.tempFileURL
    if (!mediaUrl) throw new WxApiError(-1, `no URL for ${fileID}`)
    const res = (await getApp().callWxOpenApi({
      apiName: 'security.mediaCheckAsync',
      requestData: { media_url: mediaUrl, media_type: 2, version: 2, openid, scene },
    })) as { result?: { errcode?: number; errmsg?: string; trace_id?: string } }
    const body = res.result ?? {}
    if (body.errcode || !body.trace_id) throw new WxApiError(body.errcode ?? -1, body.errmsg ?? 'no trace_id')
    return { traceId: body.trace_id }
  },
}

export const wx = (): WxOpenApi => globalThis.__LOCAL_WX__ ?? cloudWx
