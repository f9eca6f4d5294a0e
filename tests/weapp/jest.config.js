const path = require('path')

/**
 * Native WeChat rendering: the output of `taro build native-components --type weapp` (dist/native) loaded by
 * miniprogram-simulate with WeChat's own wcc template compiler. globalSetup builds dist/native when missing.
 */
module.exports = {
  displayName: 'weapp',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
  // dist/native is already compiled mini-program code: only the tests themselves are transformed.
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/tests/weapp/globalSetup.js',
  testTimeout: 30000,
}
