import type { ErrorBody } from '../../types'
import { API_BASE } from './transport'
import { NETWORK_ERROR } from './index'
import { identityChanged } from './identity'

/** The console deployed on CloudBase (static hosting + @cloudbase/js-sdk), rather than served by the local gateway. */
export const onCloudBase = (): boolean => process.env.TARO_ENV === 'h5' && !!process.env.TARO_APP_CLOUD_ENV

// a separate chunk, loaded only by the H5 console on CloudBase (and never part of the mini-program)
const loadCloudBase = () => (process.env.TARO_ENV === 'h5' ? import(/* webpackChunkName: "cloudbase" */ './cloudbase') : Promise.reject(new Error('H5 only')))

const TICKET_REFUSED: ErrorBody = { code: 'AUTH.TICKET_INVALID', message: '登录凭证无效或已过期，请重新扫码登录' }

/**
 * Signs this browser in with the custom-login ticket the confirmed request handed out. On CloudBase: js-sdk's custom
 * login. Locally: the gateway, playing the platform, checks the ticket and sets a cookie only it can read and sign.
 * Either way nothing the page sends later names the person: the platform does.
 */
export async function signInToConsole(ticket: string): Promise<ErrorBody | null> {
  // the person may change once it lands: what was cached for the one before is read again
  return signIn(ticket).finally(identityChanged)
}

async function signIn(ticket: string): Promise<ErrorBody | null> {
  if (onCloudBase()) return (await (await loadCloudBase()).signInWithTicket(ticket)) ? null : TICKET_REFUSED
  try {
    const res = await fetch(`${API_BASE}/api/auth/ticket`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket }),
    })
    if (res.ok) return null
    const body = (await res.json().catch(() => null)) as { error?: ErrorBody } | null
    return body?.error ?? TICKET_REFUSED
  } catch {
    return NETWORK_ERROR
  }
}

/** Signs this browser out of the console (the session itself is ended by users.endConsoleSession). */
export async function signOutOfConsole(): Promise<void> {
  try {
    if (onCloudBase()) return await (await loadCloudBase()).signOut()
    await fetch(`${API_BASE}/api/auth/signout`, { method: 'POST', credentials: 'same-origin' }).catch(() => undefined)
  } finally {
    identityChanged()
  }
}
