import Taro from '@tarojs/taro'
import { getDevIdentity } from './devIdentity'
import { identityChanged } from './identity'

/**
 * The seam between pages and the network. Pages only ever see envelopes; a transport resolves with whatever the
 * function answered (an envelope) and rejects only when the request never got an answer.
 */
export interface Transport {
  callFunction(fn: string, action: string, data: unknown): Promise<unknown>
  /** GET on the local H5 gateway (dev endpoints only); absent on weapp */
  getJson?(path: string): Promise<{ status: number; body: unknown }>
}

export const API_BASE: string = process.env.TARO_APP_API_BASE ?? ''

export const weappTransport: Transport = {
  async callFunction(fn, action, data) {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } })
    return res.result
  },
}

const devHeaders = (): Record<string, string> => {
  const who = getDevIdentity()
  return who ? { 'x-dev-openid': who.openid } : {}
}

export const httpTransport: Transport = {
  async callFunction(fn, action, data) {
    const res = await fetch(`${API_BASE}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...devHeaders() },
      body: JSON.stringify({ action, data }),
    })
    // The gateway answers errors as envelopes with 4xx/5xx: the body is still the answer.
    return res.json()
  },
  async getJson(path) {
    const res = await fetch(`${API_BASE}${path}`, { headers: devHeaders() })
    let body: unknown = null
    try {
      body = await res.json()
    } catch {
      body = null
    }
    return { status: res.status, body }
  },
}

/**
 * The H5 console deployed on CloudBase static hosting (TARO_APP_CLOUD_ENV set at build): calls through @cloudbase/js-sdk,
 * a chunk loaded at the first call and only in that build.
 */
export const cloudBaseTransport: Transport = {
  async callFunction(fn, action, data) {
    // a constant condition at build time: the weapp build never sees the import
    if (process.env.TARO_ENV === 'h5') {
      const { callFunction } = await import(/* webpackChunkName: "cloudbase" */ './cloudbase')
      return callFunction(fn, { action, data })
    }
    throw new Error('H5 only')
  },
}

let current: Transport = process.env.TARO_ENV === 'weapp' ? weappTransport : process.env.TARO_APP_CLOUD_ENV ? cloudBaseTransport : httpTransport

export const getTransport = (): Transport => current

/** Tests (and only tests) swap the network for a fake; returns a function that restores the previous one. */
export const setTransport = (next: Transport): (() => void) => {
  const previous = current
  current = next
  identityChanged()
  return () => {
    current = previous
    identityChanged()
  }
}
