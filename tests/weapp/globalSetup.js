const path = require('path')
const fs = require('fs')
const { execFileSync } = require('child_process')

const root = path.resolve(__dirname, '../..')
const marker = path.join(root, 'dist/native/pages/report/index.js')

/** Builds the native components once when dist/native is missing (≈ 10 s); set REBUILD_NATIVE=1 to force. */
module.exports = async () => {
  if (fs.existsSync(marker) && !process.env.REBUILD_NATIVE) return
  execFileSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', 'native-components', '--type', 'weapp'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (!fs.existsSync(marker)) throw new Error('taro build native-components did not produce dist/native/pages/report/index.js')
}
