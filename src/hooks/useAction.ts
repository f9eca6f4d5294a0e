import { useState } from 'react'
import type { ErrorBody } from '../../types'
import { isError, type CallError } from '../api'
import { toast } from '../components/ConfirmModal'
import { useSubmit } from './useRemote'

type Answer<T, C extends string> = { ok: true; data: T } | { ok: false; error: CallError<C> }

export interface ActionOptions<T> {
  /** replaces the page's copy of the record with the action's answer */
  setData: (data: T) => void
  /** reads the record again, after a failure with one of the codes the call names in `reloadOn` */
  reload?: () => void
  /** after the answer replaced the copy, before the toast: close the form, clear the fields */
  onDone?: (data: T) => void
}

/**
 * A tap on a record's page, one way everywhere: run the call (one at a time: `busy`), on failure show the error
 * (`error`, for the page's ErrorState) and, when the code is one of `reloadOn` (codes the action declares: the
 * page's copy is stale), read the record again; on success replace the copy, `onDone`, and toast `done`.
 * `act` resolves true on success, false on failure, undefined when another tap was still running.
 */
export function useAction<T>({ setData, reload, onDone }: ActionOptions<T>) {
  const [error, setError] = useState<ErrorBody | null>(null)
  const { busy, run } = useSubmit()
  const act = <C extends string>(fn: () => Promise<Answer<T, C>>, done: string | ((next: T) => string), reloadOn?: readonly NoInfer<C>[]) =>
    run(async () => {
      setError(null)
      const res = await fn()
      if (!res.ok) {
        setError(res.error)
        if (reloadOn && reload && isError(res, ...reloadOn)) reload()
        return false
      }
      setData(res.data)
      onDone?.(res.data)
      toast(typeof done === 'string' ? done : done(res.data))
      return true
    })
  return { act, busy, run, error, setError }
}

/** The `act` of a page, to hand to its parts. */
export type Act<T> = ReturnType<typeof useAction<T>>['act']
