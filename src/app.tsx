import { useEffect, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { labelH5NavBar } from './lib/h5NavBar'
import { initLargeType } from './lib/largeType'
import './app.css'

// Once, before any page calls a function: the OPENID reaches functions through wx.cloud.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
}
// Taro's own H5 tab bar, modal, toast and text boxes, brought to the app's sizes and given their roles
// a require inside the branch, not an import: webpack drops the branch, and these modules, from the weapp build
if (process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./app.h5.css')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./lib/h5Access').watchH5Access()
}
initLargeType()

function App({ children }: PropsWithChildren) {
  useEffect(labelH5NavBar, [])
  return children
}

export default App
