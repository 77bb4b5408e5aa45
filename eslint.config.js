// Lint for `npm test` (after `tsc --noEmit`): ESLint's and typescript-eslint's
// recommended rules everywhere, the React hooks rules for the views. Types are
// checked by tsc itself, so the rules here are the syntax-level ones (fast on 2 cores).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'datasets/', 'public/', 'coverage/', 'tests/.artifacts/', 'docs/', 'tests/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },

  {
    // A starter is a blank on purpose: the imports and the data it unpacks are there for the learner to use.
    files: ['exercises/*/starter.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
