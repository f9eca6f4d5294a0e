// What `@tarojs/taro` is in the H5 build: the H5 API plus the React hooks the framework plugin provides.
// The H5 build rewrites `Taro.showToast` into named imports (babel-plugin-transform-taroapi); here the default
// export gets the named APIs merged in instead.
import * as h5 from '@tarojs/taro-h5'

export * from '@tarojs/taro-h5'
export {
  useDidShow,
  useDidHide,
  useLoad,
  useReady,
  useRouter,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  useLaunch,
} from '@tarojs/plugin-framework-react/dist/runtime'

const Taro = Object.assign({}, (h5 as unknown as { default: object }).default, h5)
export default Taro
