import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import './app.css'

// Once, before any page calls a function: the OPENID reaches functions through wx.cloud.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
}

function App({ children }: PropsWithChildren) {
  return children
}

export default App
