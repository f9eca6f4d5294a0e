import Taro from '@tarojs/taro'
import { identityChanged } from './identity'

/** The demo identity chosen on the H5 dev sign-in page; the gateway reads it from `x-dev-openid`. */
export interface DevIdentity {
  openid: string
  name: string
  label: string
}

const KEY = 'dev-identity'

export const getDevIdentity = (): DevIdentity | null => {
  try {
    const v = Taro.getStorageSync(KEY) as DevIdentity | '' | undefined
    return v && typeof v === 'object' && typeof v.openid === 'string' ? v : null
  } catch {
    return null
  }
}

export const setDevIdentity = (who: DevIdentity): void => {
  Taro.setStorageSync(KEY, who)
  identityChanged()
}

export const clearDevIdentity = (): void => {
  Taro.removeStorageSync(KEY)
  identityChanged()
}
