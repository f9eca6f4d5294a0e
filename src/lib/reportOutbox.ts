import Taro from '@tarojs/taro'
import { call } from '../api'
import { uploadPhoto, type PickedPhoto } from '../api/upload'
import { PHOTO_GONE, createOutbox, isUploaded, type KeyValueStore, type UploadAnswer } from './outbox'

/** Taro's synchronous storage (wx storage on weapp, localStorage on H5). A full store loses the write, not the page. */
export const taroStore: KeyValueStore = {
  get: (key) => {
    try {
      return Taro.getStorageSync(key)
    } catch {
      return undefined
    }
  },
  set: (key, value) => {
    try {
      Taro.setStorageSync(key, value)
    } catch {
      // storage full or unavailable: the report is still sent while the page is open
    }
  },
  remove: (key) => {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // nothing to do
    }
  },
}

const isWeapp = process.env.TARO_ENV === 'weapp'

// H5: a picked photo is a File, which storage cannot hold; it is kept in memory for as long as the page lives.
const h5Files = new Map<string, File>()
let h5Seq = 0

/**
 * Keeps a photo that could not be uploaded (no network) on the phone and answers how to find it again: on weapp the
 * temp file is saved into the mini-program's own files (temp files do not outlive WeChat), in a browser a local URL.
 */
export async function keepLocalPhoto(p: PickedPhoto): Promise<string | null> {
  if (isWeapp) {
    if (typeof p !== 'string') return null
    try {
      const res = await Taro.saveFile({ tempFilePath: p })
      return ('savedFilePath' in res && res.savedFilePath) || p
    } catch {
      return p
    }
  }
  if (typeof p === 'string') return null
  const ref = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(p) : `local-photo:${++h5Seq}`
  h5Files.set(ref, p)
  return ref
}

/** Whether a photo kept on the phone is still there (a restored draft leaves out the ones that are not). */
export function hasLocalPhoto(ref: string): boolean {
  if (isUploaded(ref)) return true
  if (!isWeapp) return h5Files.has(ref)
  try {
    Taro.getFileSystemManager().accessSync(ref)
    return true
  } catch {
    return false
  }
}

/** Frees photos kept on the phone once they are uploaded or no longer wanted. */
export function forgetLocalPhotos(refs: string[]): void {
  for (const ref of refs.filter((r) => !isUploaded(r))) {
    if (!isWeapp) {
      h5Files.delete(ref)
      if (ref.startsWith('blob:')) URL.revokeObjectURL(ref)
    } else if (ref.includes('store')) {
      // only files this app saved (wxfile://store_…); WeChat cleans temp files itself
      void Taro.removeSavedFile({ filePath: ref }).catch(() => undefined)
    }
  }
}

async function uploadLocalPhoto(ref: string): Promise<UploadAnswer> {
  if (!hasLocalPhoto(ref)) return { ok: false, error: PHOTO_GONE }
  const res = await uploadPhoto(isWeapp ? ref : (h5Files.get(ref) as File))
  if (res.ok) forgetLocalPhotos([ref])
  return res
}

/** The app's one outbox of reports. */
export const reportOutbox = createOutbox({
  store: taroStore,
  submit: (input) => call('tickets', 'submit', input),
  upload: uploadLocalPhoto,
})

let started = false

/**
 * Sends the waiting reports now, and whenever the network comes back: WeChat's network status, and the browser's
 * `online` event on H5. Called when the app launches and by pages that show the outbox; only the first call listens.
 */
export function startOutbox(): void {
  void reportOutbox.flush()
  if (started) return
  started = true
  try {
    Taro.onNetworkStatusChange((res) => {
      if (res.isConnected) void reportOutbox.flush()
    })
  } catch {
    // a runtime without network events (tests of single pages): the other triggers remain
  }
  if (!isWeapp && typeof window !== 'undefined') window.addEventListener('online', () => void reportOutbox.flush())
}
