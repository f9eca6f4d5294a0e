import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * One config for three outputs:
 * - `taro build --type weapp`                   → dist/weapp (miniprogramRoot in project.config.json)
 * - `taro build --type h5`                      → dist/h5 (served by the local gateway, same-origin /api)
 * - `taro build native-components --type weapp` → dist/native (pages as native components for miniprogram-simulate)
 */
const isNativeComponents = process.argv.includes('native-components')
const taroEnv = process.env.TARO_ENV ?? 'weapp'
// The app imports zod-free values of the shared contract (types/roles.ts, types/errors.ts) from outside src/;
// Taro compiles only src/ unless told.
const sharedTypes = path.resolve(__dirname, '..', 'types')
const outputRoot = isNativeComponents ? 'dist/native' : taroEnv === 'h5' ? 'dist/h5' : `dist/${taroEnv}`

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'grid-governance',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    // WeChat's aria-* attributes in the weapp templates (Taro leaves them out): config/aria
    plugins: [path.join(__dirname, 'aria')],
    // Read at build time; '' on H5 means same-origin `/api/...` behind the local gateway.
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    defineConstants: {},
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedTypes] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: [sharedTypes] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
