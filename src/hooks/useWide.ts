import { useEffect, useState } from 'react'

/**
 * Whether the page is on a wide screen (≥ 1024 CSS px: the H5 console on an office PC), where staff pages lay out
 * tables, side panels and a detail beside the list. Always false on weapp: a phone never sees the wide layout, and
 * the mini-program's bundle carries no matchMedia code path that could turn it on.
 *
 * The stylesheets decide the look with the same `@media (min-width: 1024px)`; this hook decides what is rendered
 * (a table instead of cards), following the window as it is resized.
 */
export const WIDE_QUERY = '(min-width: 1024px)'

const query = (): MediaQueryList | null =>
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(WIDE_QUERY) : null

export function useWide(): boolean {
  const [wide, setWide] = useState(() => query()?.matches ?? false)
  useEffect(() => {
    const mq = query()
    if (!mq) return
    const listener = () => setWide(mq.matches)
    listener()
    mq.addEventListener?.('change', listener)
    return () => mq.removeEventListener?.('change', listener)
  }, [])
  return wide
}
