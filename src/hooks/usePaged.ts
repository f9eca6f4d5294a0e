import { useCallback, useEffect, useRef, useState } from 'react'
import type { Envelope, ErrorBody, Listing } from '../../types'

/**
 * A list read page by page: first page on `deps` change, 加载更多 appends the next. A counted page (`Paged`) gives
 * the total; an uncounted one (`Slice`, a resident's notices and matters) says whether more follow, and `total`
 * stays null until the last page is in.
 */
export function usePaged<T>(loadPage: (page: number) => Promise<Envelope<Listing<T>>> | null, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState<number | null>(0)
  const [more, setMore] = useState(false)
  const [page, setPage] = useState(0)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ErrorBody | null>(null)
  const seq = useRef(0)
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage

  const fetchPage = useCallback(async (n: number) => {
    const mine = ++seq.current
    const p = loadRef.current(n)
    if (!p) return
    setLoading(true)
    setError(null)
    const res = await p
    if (mine !== seq.current) return
    setLoading(false)
    if (!res.ok) return setError(res.error)
    const data = res.data
    setItems((prev) => (n === 1 ? data.items : [...prev, ...data.items]))
    if ('total' in data) setTotal(data.total)
    else {
      setMore(data.more)
      setTotal(null)
    }
    setPage(n)
  }, [])

  const reload = useCallback(() => {
    setItems([])
    setTotal(0)
    setMore(false)
    setPage(0)
    void fetchPage(1)
  }, [fetchPage])

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` is the caller's list (reload is stable)
  useEffect(reload, deps)

  return {
    items,
    total,
    loading,
    error,
    hasMore: total === null ? more : items.length < total,
    loadMore: () => void fetchPage(page + 1),
    reload,
    replace: (match: (t: T) => boolean, next: T) => setItems((prev) => prev.map((t) => (match(t) ? next : t))),
    prepend: (t: T) => {
      setItems((prev) => [t, ...prev])
      setTotal((n) => (n === null ? null : n + 1))
    },
  }
}
