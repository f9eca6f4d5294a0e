const node = require('./jest.node.config')

/**
 * The tests `npm run mutate` runs against each mutant of cloudfunctions/_core/domain/ and _core/serve.ts: the pure
 * domain tests, and the handler tests that exercise serve()'s envelope, identity and role net. Everything else
 * (gateway, tooling, conformance, UI) cannot kill a mutant of these files and would only make the run longer.
 */
module.exports = {
  ...node,
  displayName: 'mutate',
  testMatch: ['<rootDir>/tests/domain/**/*.test.ts', '<rootDir>/tests/handlers/serve.test.ts'],
}
