import { useEffect, useState } from 'react'
import type { MeView } from '../../types'
import { call } from '../api'
import { identityEpoch } from '../api/identity'
import type { Remote } from './useRemote'

/**
 * Who the person is (`users.me`), one answer shared by every page: the first page to ask reads it, the pages opened
 * after share that answer (or the read still under way) instead of each reading it again. It is read again when it
 * must be: `reload` (retry, pull-down, coming back to the home page), a page opening after an error, after
 * MAX_AGE, or once who the app speaks as changed (identityEpoch: a demo identity, a console sign-in, a test's
 * transport). What the app itself changes (binding, profile, an invite redeemed) comes back as the new MeView and
 * is handed to `setData`, which every page showing it receives at once.
 */
const MAX_AGE = 5 * 60_000

let shared: Remote<MeView> | null = null
let readAt = 0
let epoch = -1
let seq = 0
const listeners = new Set<(s: Remote<MeView>) => void>()

const publish = (next: Remote<MeView>) => {
  shared = next
  listeners.forEach((l) => l(next))
}

/** The shared answer, when it is about the person the app speaks as now and not an error: fit to show. */
const showable = (): Remote<MeView> | null => (shared && shared.status !== 'error' && epoch === identityEpoch() ? shared : null)
/** … and needs no read: under way, or read less than MAX_AGE ago. */
const fresh = (): Remote<MeView> | null => {
  const s = showable()
  return s && (s.status === 'loading' || Date.now() - readAt < MAX_AGE) ? s : null
}

/**
 * Reads `users.me` again for every page; an answer to an earlier read is dropped once a newer one started. Pages
 * showing the person keep showing them until the answer comes (a tab's forms are not torn down by another tab's read).
 */
export function reloadMe(): void {
  const mine = ++seq
  const keep = showable()?.status === 'ok'
  epoch = identityEpoch()
  if (!keep) publish({ status: 'loading' })
  void call('users', 'me', {}).then((env) => {
    if (mine !== seq) return
    // a refresh that failed leaves the person shown as they were, to be read again by the next page that opens
    if (!env.ok && keep) return void (readAt = 0)
    readAt = Date.now()
    publish(env.ok ? { status: 'ok', data: env.data } : { status: 'error', error: env.error })
  })
}

/** The person as an action answered it (bind, profile, invite): shown by every page, no read needed. */
export function setMe(data: MeView): void {
  seq++
  epoch = identityEpoch()
  readAt = Date.now()
  publish({ status: 'ok', data })
}

export function useMe() {
  const [state, setState] = useState<Remote<MeView>>(() => showable() ?? { status: 'loading' })
  useEffect(() => {
    listeners.add(setState)
    const good = fresh()
    if (good) setState(good)
    else reloadMe()
    return () => {
      listeners.delete(setState)
    }
  }, [])
  return { state, reload: reloadMe, setData: setMe }
}
