// Lint: type-aware rules that catch what tsc does not (floating promises above all).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '**/*.mjs', '**/*.js', 'examples/**', 'test/fixtures/**', 'test/e2e/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe/it return promises the runner itself tracks.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'before', 'after'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Hostile input makes lists of any length: a spread into a call passes every item as an argument and throws
    // RangeError past ~120,000 of them (core/arrays.ts `append` is the loop to use).
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement",
          message: 'Spreading a list into push/unshift/splice overflows the call stack on long lists: use append() from core/arrays.ts.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message: 'Math.max/min(...list) overflows the call stack on long lists: loop or reduce.',
        },
        {
          selector: "CallExpression[callee.object.name='String'][callee.property.name=/^fromC/] > SpreadElement",
          message: 'String.fromCharCode(...list) overflows the call stack on long lists.',
        },
      ],
    },
  },
);
