const path = require('path')

module.exports = {
  displayName: 'node',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.ts', '<rootDir>/cloudfunctions/**/*.test.ts', '<rootDir>/local/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/ui/', '<rootDir>/tests/weapp/', '<rootDir>/tests/e2e/', '<rootDir>/dist/'],
  testTimeout: 30_000,
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }] },
  transformIgnorePatterns: ['/node_modules/(?!(mingo)/)'],
  setupFiles: ['<rootDir>/tests/setup.node.ts'],
}
