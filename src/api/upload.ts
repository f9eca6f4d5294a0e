import Taro from '@tarojs/taro'
import type { ErrorBody } from '../../types'
import { API_BASE } from './transport'
import { getDevIdentity } from './devIdentity'
import { toldPrivacyRefused } from './privacy'
import { NETWORK_ERROR, call } from './index'
import { beijing } from '../lib/time'

export type UploadResult = { ok: true; fileID: string } | { ok: false; error: ErrorBody }

/** What a picked photo is: a temp file path on weapp (chooseMedia), a File in the browser. */
export type PickedPhoto = string | File

const UPLOAD_FAILED: ErrorBody = { code: 'UPLOAD.FAILED', message: '照片上传失败，请重试' }

const extOf = (p: PickedPhoto): string => {
  const name = typeof p === 'string' ? p : p.name || ''
  const m = /\.([A-Za-z0-9]{2,5})$/.exec(name)
  return m ? m[1].toLowerCase() : 'jpg'
}

const randomName = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

let myOpenid: Promise<string | null> | null = null
/** The caller's OPENID, asked once: uploads go under `uploads/<openid>/`, which is what makes them theirs to attach. */
const openidOnce = (): Promise<string | null> => {
  if (!myOpenid) myOpenid = call('users', 'me', {}).then((r) => (r.ok ? r.data.openid : ((myOpenid = null), null)))
  return myOpenid
}

/**
 * weapp: a local file (a photo, a table picked from a chat) into the caller's own folder of cloud storage, answered as
 * its fileID. The functions accept only fileIDs under the caller's folder (storage rules let a user write only there).
 */
export async function uploadToCloud(filePath: string, ext: string): Promise<UploadResult> {
  const openid = await openidOnce()
  if (!openid) return { ok: false, error: NETWORK_ERROR }
  const day = beijing().format('YYYYMMDD')
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `uploads/${openid}/${day}/${randomName()}.${ext}`, filePath })
    return res.fileID ? { ok: true, fileID: res.fileID } : { ok: false, error: UPLOAD_FAILED }
  } catch {
    return { ok: false, error: NETWORK_ERROR }
  }
}

/**
 * Uploads one photo to cloud storage and answers its fileID (`cloud://…`), never throws.
 * weapp: Taro.cloud.uploadFile; H5: POST /api/upload on the local gateway with the demo identity header.
 */
export async function uploadPhoto(file: PickedPhoto): Promise<UploadResult> {
  if (process.env.TARO_ENV === 'weapp') {
    if (typeof file !== 'string') return { ok: false, error: UPLOAD_FAILED }
    return uploadToCloud(file, extOf(file))
  }
  if (typeof file === 'string') return { ok: false, error: UPLOAD_FAILED }
  const who = getDevIdentity()
  let body: unknown
  try {
    const res = await fetch(`${API_BASE}/api/upload`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream', ...(who ? { 'x-dev-openid': who.openid } : {}) },
      body: file,
    })
    body = await res.json()
  } catch {
    return { ok: false, error: NETWORK_ERROR }
  }
  const env = body as { ok?: boolean; data?: { fileID?: unknown }; error?: ErrorBody }
  if (env?.ok === true && typeof env.data?.fileID === 'string') return { ok: true, fileID: env.data.fileID }
  if (env?.ok === false && env.error && typeof env.error.message === 'string') return { ok: false, error: env.error }
  return { ok: false, error: UPLOAD_FAILED }
}

/**
 * Where an `<Image>` can load a stored photo: weapp loads `cloud://` fileIDs itself; the local H5 gateway serves
 * `cloud://<env>.<bucket>/<cloudPath>` at `/files/<cloudPath>`.
 */
export const photoSrc = (fileID: string): string => {
  if (process.env.TARO_ENV === 'weapp') return fileID
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)
  return m ? `${API_BASE}/files/${m[1].split('/').map(encodeURIComponent).join('/')}` : fileID
}

/** One PDF (a notice attachment) from a chat (weapp: WeChat keeps files there) or a file chooser; null when cancelled. */
export async function pickPdf(): Promise<{ file: PickedPhoto; name: string } | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })
      const f = res.tempFiles[0]
      return f ? { file: f.path, name: f.name } : null
    } catch (e) {
      toldPrivacyRefused(e, '选择文件')
      return null
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'application/pdf'
    input.onchange = () => {
      const f = input.files?.[0]
      resolve(f ? { file: f, name: f.name } : null)
    }
    input.click()
  })
}

/** Opens the camera/album (weapp) or a file chooser (browser) for up to `count` photos; [] when cancelled. */
export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  if (count <= 0) return []
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
      return res.tempFiles.map((f) => f.tempFilePath).slice(0, count)
    } catch (e) {
      toldPrivacyRefused(e, '选择照片；可以不带照片提交')
      return []
    }
  }
  // No JSX <input> (the mini-program templates have none): a file input made in JS, as the staff CSV import does.
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/jpeg,image/png,image/webp'
    input.multiple = count > 1
    input.onchange = () => resolve(Array.from(input.files ?? []).slice(0, count))
    input.click()
  })
}
