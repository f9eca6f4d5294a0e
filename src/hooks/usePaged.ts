import { useCallback, useEffect, useRef, useState } from 'react'
import type { Envelope, ErrorBody, Paged } from '../../types'

/** A list read page by page (`Paged<T>`): first page on `deps` change, 加载更多 appends the next. */
export function usePaged<T>(loadPage: (page: number) => Promise<Envelope<Paged<T>>> | null, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
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
    setItems((prev) => (n === 1 ? res.data.items : [...prev, ...res.data.items]))
    setTotal(res.data.total)
    setPage(n)
  }, [])

  const reload = useCallback(() => {
    setItems([])
    setTotal(0)
    setPage(0)
    void fetchPage(1)
  }, [fetchPage])

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(reload, deps)

  return {
    items,
    total,
    loading,
    error,
    hasMore: items.length < total,
    loadMore: () => void fetchPage(page + 1),
    reload,
    replace: (match: (t: T) => boolean, next: T) => setItems((prev) => prev.map((t) => (match(t) ? next : t))),
    prepend: (t: T) => {
      setItems((prev) => [t, ...prev])
      setTotal((n) => n + 1)
    },
  }
}
