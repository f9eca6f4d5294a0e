/**
 * Mutation testing of the rules (`npm run mutate`): StrykerJS changes one thing at a time in the pure domain and in
 * serve() — a `>=` to `>`, a role dropped from a check, a refusal removed — and runs the tests that cover it. A
 * mutant that survives is a rule no test holds. The tests run are tests/jest.mutate.config.js's.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'tests/jest.mutate.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  // mutants of module-level code (constant tables) would each re-run every test: hours on two cores
  ignoreStatic: true,
  mutate: ['cloudfunctions/_core/domain/**/*.ts', 'cloudfunctions/_core/serve.ts'],
  // the machine is shared: two test processes at most
  concurrency: 2,
  timeoutMS: 20_000,
  ignorePatterns: ['dist', '.data', 'docs', 'bench', 'src', 'coverage', '.swc', '.taro-cache', 'tests/e2e', 'tests/ui', 'tests/weapp'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'coverage/mutation/index.html' },
  jsonReporter: { fileName: 'coverage/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
}
