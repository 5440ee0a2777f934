import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Tests run the server layer directly, as the server does (React's react-server condition).
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'app/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['db/test-global-setup.ts'],
    // Each file opens its own databases; PGlite is single-threaded wasm, so keep files in parallel but bounded.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
