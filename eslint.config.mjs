// ESLint flat config (issue 13). Run with `npm run lint` (eslint, then prettier --check).
// Syntax-only typescript-eslint (no type-aware rules): `npm run typecheck` already runs tsc over the same files,
// and a type-aware pass would build both TypeScript programs a second time.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    // generated output, caches and reports (see .gitignore), never linted
    ignores: ['**/node_modules/', 'dist/', '.data/', 'coverage/', '.stryker-tmp/', '.taro-cache/', '.swc/', 'bench/out/', 'tmp/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    rules: {
      // unused code is an error; a leading underscore marks a parameter or binding that is kept on purpose
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // the full-width space (U+3000) is deliberate in Chinese text: it separates fields on papers, charts and lists
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
    },
  },
  {
    // the mini-program: React hooks rules; browser/mini-program globals
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Node side: cloud functions, local dev server, scripts, benchmarks, build config, tests
    files: ['cloudfunctions/**', 'local/**', 'scripts/**', 'bench/**', 'config/**', 'tests/**', 'types/**', '*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['tests/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // CommonJS files (jest and babel configs, jest's global setup): require is their module system
    files: ['**/*.{js,cjs}'],
    ignores: ['config/aria/runtime.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // formatting is prettier's job: turn off any stylistic rule that could disagree with it
  prettier,
)
