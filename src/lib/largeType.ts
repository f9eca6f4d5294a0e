import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

/**
 * 大字模式: larger type and targets everywhere (styles/tokens.css, `.large-type`). A person's choice on 我的 is kept on
 * the device (Taro storage); until they choose, weapp follows WeChat's own font size (我 → 设置 → 通用 → 字体大小).
 *
 * Why `fontSizeSetting` and not `page-meta`: Taro 4 supports PageMeta on weapp, but only as every page's first node
 * with `enablePageMeta` in every page's config, and its `root-font-size="system"` only scales rem units, while our
 * sizes are rpx (design px). `getAppBaseInfo().fontSizeSetting` (base library 2.20.1+, else
 * `getSystemInfoSync().fontSizeSetting`) gives WeChat's setting in px once at start, which turns on the same tokens
 * as the switch: one mechanism, one look, and the switch can still turn it off.
 */
const KEY = 'large-type'
const CHANGED = 'large-type-changed'
/** WeChat's standard size is 16 px on Android and 17 on iOS; anything larger means the person asked for large type. */
const WECHAT_STANDARD = 17

export type LargeTypeChoice = 'on' | 'off' | null

export function storedChoice(): LargeTypeChoice {
  try {
    const v = Taro.getStorageSync(KEY) as unknown
    return v === 'on' || v === 'off' ? v : null
  } catch {
    return null
  }
}

/** WeChat's font size setting in px, where the platform tells it (weapp); null elsewhere. */
function wechatFontSize(): number | null {
  if (process.env.TARO_ENV !== 'weapp') return null
  try {
    const base = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : null
    const size = (base as { fontSizeSetting?: number } | null)?.fontSizeSetting ?? Taro.getSystemInfoSync().fontSizeSetting
    return typeof size === 'number' ? size : null
  } catch {
    return null
  }
}

export function largeTypeOn(): boolean {
  const choice = storedChoice()
  if (choice) return choice === 'on'
  const size = wechatFontSize()
  return size !== null && size > WECHAT_STANDARD
}

/** On H5 every page shares one document: the class on <html> reaches pages, tab bar, modals and toasts at once. */
function applyToDocument(on: boolean) {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.documentElement.classList.toggle('large-type', on)
}

export function initLargeType(): void {
  applyToDocument(largeTypeOn())
}

export function setLargeType(on: boolean): void {
  Taro.setStorageSync(KEY, on ? 'on' : 'off')
  applyToDocument(on)
  Taro.eventCenter.trigger(CHANGED, on)
}

/** Whether large type is on, re-rendering when the switch on 我的 changes it (pages kept alive in the stack too). */
export function useLargeType(): boolean {
  const [on, setOn] = useState(largeTypeOn)
  useEffect(() => {
    const listener = (next: boolean) => setOn(next)
    Taro.eventCenter.on(CHANGED, listener)
    return () => void Taro.eventCenter.off(CHANGED, listener)
  }, [])
  return on
}

/** The page root's class for the current type size, for a page that cannot use components/Page. */
export const largeTypeClass = (): string => (largeTypeOn() ? ' large-type' : '')
