const path = require('path')
const fs = require('fs')
const { execFileSync } = require('child_process')

const root = path.resolve(__dirname, '../..')
// one file per page src/app.config.ts builds as a native component: a dist/native without one of them is rebuilt
const markers = ['pages/report/index.js', 'packages/staff/pages/dashboard/index.js'].map((f) => path.join(root, 'dist/native', f))

/** Builds the native components once when dist/native is missing (≈ 10 s); set REBUILD_NATIVE=1 to force. */
module.exports = async () => {
  if (markers.every((m) => fs.existsSync(m)) && !process.env.REBUILD_NATIVE) return
  execFileSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', 'native-components', '--type', 'weapp'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  for (const m of markers) if (!fs.existsSync(m)) throw new Error(`taro build native-components did not produce ${path.relative(root, m)}`)
}
