import Taro from '@tarojs/taro'
import type { ErrorBody } from '../../../../types'
import { MAX_IMPORT_FILE_BYTES } from '../../../../types/registerLabels'
import { NETWORK_ERROR } from '../../../api'
import { getDevIdentity } from '../../../api/devIdentity'
import { toldPrivacyRefused } from '../../../api/privacy'
import { API_BASE } from '../../../api/transport'
import { uploadToCloud } from '../../../api/upload'

export type PickedTable = { fileID: string } | { error: ErrorBody } | null

const TOO_LARGE: ErrorBody = { code: 'IMPORT.TOO_LARGE', message: `文件超过${MAX_IMPORT_FILE_BYTES / 1024 / 1024}MB，请分批导入` }
const NOT_A_TABLE: ErrorBody = { code: 'IMPORT.FILE_UNREADABLE', message: '请选择 Excel（.xlsx）或 CSV 格式的表格' }
const UPLOAD_FAILED: ErrorBody = { code: 'UPLOAD.FAILED', message: '表格上传失败，请重试' }

const extOf = (name: string) => /\.(xlsx|csv)$/i.exec(name)?.[1].toLowerCase() ?? null

/** On the phone: the table staff forwarded to themselves in WeChat, uploaded as it is into their own folder. */
async function pickInWeChat(): Promise<PickedTable> {
  let file: { path: string; name: string; size: number }
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
    if (!res.tempFiles[0]) return null
    file = res.tempFiles[0]
  } catch (e) {
    toldPrivacyRefused(e, '选择聊天中的文件')
    return null
  }
  const ext = extOf(file.name) ?? extOf(file.path)
  if (!ext) return { error: NOT_A_TABLE }
  if (file.size > MAX_IMPORT_FILE_BYTES) return { error: TOO_LARGE }
  const up = await uploadToCloud(file.path, ext)
  return up.ok ? { fileID: up.fileID } : { error: up.error }
}

/** A file input made in JS (the mini-program templates have no `<input type=file>`). */
const chooseInBrowser = (): Promise<File | null> =>
  new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
    input.onchange = () => resolve(input.files?.[0] ?? null)
    input.click()
  })

/**
 * In a browser: a file on the computer, uploaded through the gateway as a photo is. The gateway knows an .xlsx by its
 * bytes; a CSV has no signature, so it is sent as text/csv (Windows browsers call it application/vnd.ms-excel).
 */
async function pickInBrowser(): Promise<PickedTable> {
  const file = await chooseInBrowser()
  if (!file) return null
  const ext = extOf(file.name)
  if (!ext) return { error: NOT_A_TABLE }
  if (file.size > MAX_IMPORT_FILE_BYTES) return { error: TOO_LARGE }
  const who = getDevIdentity()
  try {
    const res = await fetch(`${API_BASE}/api/upload`, {
      method: 'POST',
      headers: { 'content-type': ext === 'csv' ? 'text/csv' : 'application/octet-stream', ...(who ? { 'x-dev-openid': who.openid } : {}) },
      body: file,
    })
    const env = (await res.json()) as { ok?: boolean; data?: { fileID?: unknown }; error?: ErrorBody }
    if (env?.ok === true && typeof env.data?.fileID === 'string') return { fileID: env.data.fileID }
    return { error: env?.ok === false && env.error?.code === 'UPLOAD.NOT_AN_IMAGE' ? NOT_A_TABLE : (env?.error ?? UPLOAD_FAILED) }
  } catch {
    return { error: NETWORK_ERROR }
  }
}

/** A register table (.xlsx or CSV) picked and uploaded to the caller's own folder of cloud storage; null when cancelled. */
export const pickTable = (): Promise<PickedTable> => (process.env.TARO_ENV === 'weapp' ? pickInWeChat() : pickInBrowser())
