// The linter (typescript-eslint's recommended rules) over the server, tests, benchmarks and the
// explorer; the formatter (Prettier, .prettierrc.json) owns layout, so no style rule is on here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['src/generated/**', 'web/src/generated/**', 'web/dist/**', 'node_modules/**', '.neo4j/**', 'data/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // TypeScript checks names (tsc runs in CI); ESLint's own check knows no Node or DOM globals.
      'no-undef': 'off',
      // `cond ? a() : b()` and `x && f()` as statements are how this code branches on one line.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true, allowShortCircuit: true }],
      // `const { code: _code, ...rest } = x` drops a key on purpose; `_` says so.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests and benchmarks read answers of any shape (`res.data.claim…`): typing each is noise.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The explorer still reads some answers untyped; they go with its typed operations (issue 24, 7).
    files: ['web/src/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'warn' },
  },
);
