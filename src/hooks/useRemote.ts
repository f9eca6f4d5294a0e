import { useCallback, useEffect, useRef, useState } from 'react'
import type { Envelope, ErrorBody } from '../../types'

export type Remote<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: ErrorBody }

/**
 * Loads an envelope when `deps` change. `load` returning null means "nothing to load yet" (idle).
 * Answers to an earlier request are dropped once a newer one started.
 */
export function useRemote<T>(load: () => Promise<Envelope<T>> | null, deps: unknown[]) {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' })
  const seq = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(() => {
    const mine = ++seq.current
    const p = loadRef.current()
    if (!p) {
      setState({ status: 'idle' })
      return
    }
    setState({ status: 'loading' })
    void p.then((env) => {
      if (mine !== seq.current) return
      setState(env.ok ? { status: 'ok', data: env.data } : { status: 'error', error: env.error })
    })
  }, [])

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` is the caller's list (reload is stable)
  useEffect(reload, deps)

  const setData = useCallback((data: T) => setState({ status: 'ok', data }), [])
  return { state, reload, setData }
}

/** Runs one action at a time (a tap); `busy` disables the button meanwhile. */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const run = useCallback(
    async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
      if (busy) return undefined
      setBusy(true)
      try {
        return await fn()
      } finally {
        setBusy(false)
      }
    },
    [busy],
  )
  return { busy, run }
}
