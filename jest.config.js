/**
 * One jest run, three worlds: node (domain, handlers, local database, tooling), jsdom (pages on Taro's H5
 * components) and miniprogram-simulate (a page of the weapp native-components build under WeChat's own templates).
 */
module.exports = {
  // a global option: jest ignores a project's own testTimeout when it runs projects (the node project's 30 s among them)
  testTimeout: 30_000,
  projects: ['<rootDir>/tests/jest.node.config.js', '<rootDir>/tests/ui/jest.config.js', '<rootDir>/tests/weapp/jest.config.js'],
}
