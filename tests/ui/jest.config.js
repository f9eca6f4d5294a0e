const path = require('path')

/** Pages rendered with Taro's H5 components in jsdom; only the api transport is faked. */
module.exports = {
  displayName: 'ui',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  testMatch: ['<rootDir>/tests/ui/**/*.test.ts?(x)'],
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@tarojs|@stencil|lodash-es|query-string|decode-uri-component|split-on-first|filter-obj|history|tslib|swiper|ssr-window|dom7|style-inject|\\.pnpm)/)',
  ],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/tests/ui/support/taro.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(css|less|scss|sass)$': '<rootDir>/tests/ui/support/styleStub.js',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  setupFiles: ['<rootDir>/tests/ui/support/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/ui/support/setup.ts'],
}
