const path = require('path')

/** Browser journeys on the built H5 app, served by the local gateway, driven by playwright-core in Debian's chromium. */
module.exports = {
  displayName: 'e2e',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }] },
  transformIgnorePatterns: ['/node_modules/(?!(mingo)/)'],
  globalSetup: '<rootDir>/tests/e2e/build.ts',
  setupFiles: ['<rootDir>/tests/setup.node.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
}
