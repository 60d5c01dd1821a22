import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const ONLY_SHELL_IMPORTS_ELECTRON = 'Only src-main/shell/ may import electron.';
/** `electron` or `electron/…` as an esquery regex (`\x2F` is `/`, which esquery cannot escape). */
const ELECTRON_MODULE = '/^electron($|\\x2F)/';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,svelte}', 'src-renderer/**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    // Services run under plain Node: only the thin shell may touch Electron, however it is
    // reached — `electron` or a subpath (`electron/main`), by import, require() or import().
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: ONLY_SHELL_IMPORTS_ELECTRON }],
          patterns: [{ group: ['electron/*'], message: ONLY_SHELL_IMPORTS_ELECTRON }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...[
          `CallExpression[callee.name='require'][arguments.0.value=${ELECTRON_MODULE}]`,
          `ImportExpression[source.value=${ELECTRON_MODULE}]`,
          `TSExternalModuleReference[expression.value=${ELECTRON_MODULE}]`,
        ].map((selector) => ({ selector, message: ONLY_SHELL_IMPORTS_ELECTRON })),
      ],
    },
  },
  {
    // The renderer talks to main only through lib/api.ts and imports types only from src-main.
    files: ['src-renderer/**/*.{ts,svelte}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**'],
              allowTypeImports: true,
              message: 'The renderer imports only types from src-main.',
            },
          ],
        },
      ],
    },
  },
);
