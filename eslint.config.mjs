import drizzle from 'eslint-plugin-drizzle';
import nextVitals from 'eslint-config-next/core-web-vitals';
import tseslint from 'typescript-eslint';

// Size limits from the house style: a file of at most 300 lines, a function of at most 80 (tests may run longer).
const sizeLimits = [
  {
    name: 'size/file',
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    name: 'size/function',
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['**/*.test.ts', 'e2e/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
];

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      '.drift-check-*/**',
      'node_modules/**',
      'drizzle/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    plugins: { drizzle },
    rules: {
      // An UPDATE or DELETE without WHERE on a drizzle table is almost always a bug.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx', 't.db', 'handle.db'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx', 't.db', 'handle.db'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // The environment is read and validated in one place (server/env.ts).
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment through server/env.ts.' },
      ],
    },
  },
  {
    // Build and test tooling configure child processes and ports; the app never reads process.env.
    files: ['scripts/**', 'e2e/**', '*.config.*', 'server/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Playwright fixtures receive a callback named `use`; it is not React's `use` hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  ...sizeLimits,
);
