// Type-aware lint for the mistakes the type checker lets through: promises nobody awaits (a
// failure that never surfaces, a test that ends before its assertion), and imports kept only as
// types. Not recommended-type-checked: its no-unsafe-* rules flag every supertest body.
import { fileURLToPath } from 'node:url';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  includeIgnoreFile(fileURLToPath(new URL('.gitignore', import.meta.url))),
  {
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        // .ts files get tsconfig.json's program; the JS below (outside its `include`) a default one.
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'config/*.js', 'scripts/*/*.js', 'scripts/*/*/*.js', 'test/support/*.js', 'test/support/*/*.js', 'tools/*.mjs'],
          // 42 such files today (scripts, configs, test support); each is small, so the default program stays cheap.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 64,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `return promise` inside try/catch/finally skips the catch and runs the finally too early.
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
    },
  },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  // Files with decorators are skipped by this rule (emitDecoratorMetadata needs the value imports).
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // The house style: `import type { A }` when all are types, `import { B, type A }` when mixed.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
);
