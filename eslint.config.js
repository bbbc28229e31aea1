import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import moduleBoundaries from './scripts/eslint/module-boundaries.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.test-data/', 'src/server/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Modules reach the database only through the transaction handed to them in their context,
    // never through the connection itself: on the embedded database a query on the outer handle
    // while a transaction is open waits for ever. Only queries.ts may use Drizzle at all.
    files: ['src/server/modules/**/*.ts'],
    ignores: ['src/server/modules/**/queries.ts', 'src/server/modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'drizzle-orm', message: 'Only queries.ts touches Drizzle.' },
        ],
        patterns: [
          { group: ['**/db/connection*', '**/db/schema*', 'drizzle-orm/*'], message: 'Only queries.ts touches the database; services use the context transaction.' },
        ],
      }],
    },
  },
  {
    files: ['src/server/modules/**/queries.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/db/connection*'], message: 'Queries take the transaction handle; they never open the connection.' },
        ],
      }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { concord: moduleBoundaries },
    rules: { 'concord/no-foreign-queries': 'error' },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
