/**
 * What a page asked 我的 to do next. 我的 is a tab page, and a tab page takes no query (switchTab), so the request
 * waits here until 我的 shows and takes it. One JS context serves every page of the app, on weapp and H5 alike.
 */
import Taro from '@tarojs/taro'

export type MeIntent = { bind: true; placeCode?: string }

let pending: MeIntent | null = null

export const askMeTo = (intent: MeIntent) => {
  pending = intent
}

/** The waiting request, once: taking it clears it. */
export const takeMeIntent = (): MeIntent | null => {
  const i = pending
  pending = null
  return i
}

/** Open 我的 at the binding flow, starting from a stairwell's place when one is known. */
export const openBinding = (placeCode?: string) => {
  askMeTo({ bind: true, placeCode })
  void Taro.switchTab({ url: '/pages/me/index' })
}
