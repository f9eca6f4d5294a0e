// Before any module loads: the pages branch on these exactly as in the H5 build.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.TZ = 'Asia/Shanghai'
// Build-time constants the Taro packages expect webpack's DefinePlugin to replace.
Object.assign(globalThis, { DEPRECATED_ADAPTER_COMPONENT: false })
