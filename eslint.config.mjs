import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

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
);
