import type { Role } from '../../types'
import { getTransport } from './transport'
import { NETWORK_ERROR } from './index'

/** One demo identity offered by the local gateway's `GET /api/dev/identities`. */
export interface DevIdentityOption {
  openid: string
  name: string
  label: string
  roles: Role[]
}

export type DevIdentitiesAnswer = { ok: true; data: DevIdentityOption[] } | { ok: false; unsupported: boolean; message: string }

const UNSUPPORTED = '当前环境不支持切换身份'

export async function fetchDevIdentities(): Promise<DevIdentitiesAnswer> {
  const t = getTransport()
  if (!t.getJson) return { ok: false, unsupported: true, message: UNSUPPORTED }
  try {
    const { status, body } = await t.getJson('/api/dev/identities')
    if (status === 403 || status === 404) return { ok: false, unsupported: true, message: UNSUPPORTED }
    // Accept the bare list or an envelope around it.
    const list = Array.isArray(body) ? body : (body as { ok?: boolean; data?: unknown })?.data
    if (status >= 400 || !Array.isArray(list)) return { ok: false, unsupported: false, message: '服务暂时出了点问题，请稍后再试' }
    return { ok: true, data: list as DevIdentityOption[] }
  } catch {
    return { ok: false, unsupported: false, message: NETWORK_ERROR.message }
  }
}

/** One notification the functions recorded (local gateway's `GET /api/dev/outbox`). */
export interface OutboxItem {
  _id: string
  to: string
  kind: string
  ticketId: string
  payload: { state: string; category: string; place: string }
  createdAt: string
  sentAt: string | null
}

export async function fetchDevOutbox(): Promise<{ ok: true; data: OutboxItem[] } | { ok: false; message: string }> {
  const t = getTransport()
  if (!t.getJson) return { ok: false, message: UNSUPPORTED }
  try {
    const { status, body } = await t.getJson('/api/dev/outbox')
    const list = (body as { data?: unknown })?.data
    if (status >= 400 || !Array.isArray(list)) return { ok: false, message: status === 403 || status === 404 ? UNSUPPORTED : '服务暂时出了点问题，请稍后再试' }
    return { ok: true, data: list as OutboxItem[] }
  } catch {
    return { ok: false, message: NETWORK_ERROR.message }
  }
}
