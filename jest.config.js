/** One jest run, two worlds: node (domain, handlers, local database) and jsdom (pages on Taro's H5 components). */
module.exports = {
  projects: ['<rootDir>/tests/jest.node.config.js', '<rootDir>/tests/ui/jest.config.js'],
}
