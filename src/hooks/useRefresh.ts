import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'

/** Reads again when the page shows again (coming back from another page); the first show is the mount's. */
export function useReloadOnReturn(reload: () => void) {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
}

/** Pull down to read again (the page's config must set enablePullDownRefresh). */
export function usePullToReload(reload: () => void) {
  usePullDownRefresh(() => {
    reload()
    void Taro.stopPullDownRefresh()
  })
}
