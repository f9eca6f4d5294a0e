// Untyped modules the UI test setup touches (no @types/react-dom in the project: the app never imports it).
declare module 'react-dom'
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  export const createH5NativeComponentConfig: (component: unknown, react: unknown, reactDOM: unknown) => unknown
  export const useDidShow: typeof import('@tarojs/taro').useDidShow
  export const useDidHide: typeof import('@tarojs/taro').useDidHide
  export const useLoad: typeof import('@tarojs/taro').useLoad
  export const useReady: typeof import('@tarojs/taro').useReady
  export const useRouter: typeof import('@tarojs/taro').useRouter
  export const useUnload: typeof import('@tarojs/taro').useUnload
  export const usePullDownRefresh: typeof import('@tarojs/taro').usePullDownRefresh
  export const useReachBottom: typeof import('@tarojs/taro').useReachBottom
  export const useLaunch: typeof import('@tarojs/taro').useLaunch
}
