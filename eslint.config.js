// Lint: the recommended rules of ESLint and typescript-eslint, plus the one architectural rule of
// this project: the statistical core (analysis/) is a library and imports nothing from the UI,
// Electron or the DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'renderer/dist/**', 'scratch/**', 'bench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['analysis/**/*.ts'],
    ignores: ['analysis/cli/**', 'analysis/engine/nativeEngine.ts', 'analysis/engine/nodeWasm.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'electron', 'vega*', '../renderer/*', '../../renderer/*', '../electron/*'], message: 'analysis/ is a library: no UI, Electron or chart imports.' },
          { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'analysis/ runs in the browser too: Node modules only in analysis/cli and the Node engines.' },
        ],
      }],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator', 'fetch', 'XMLHttpRequest'],
    },
  },
);
