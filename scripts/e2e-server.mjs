#!/usr/bin/env node
// The server Playwright tests against: a fresh embedded database (or a fresh
// database on E2E_DATABASE_URL's server), migrated and seeded with the demo
// accounts, then `next start` on the existing production build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '3100';
const root = process.cwd();
const bin = (n) => path.join(root, 'node_modules', '.bin', n);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'evx-e2e-'));

const env = {
  ...process.env,
  EVX_DEMO: '1',
  PGLITE_DATA_DIR: path.join(dataDir, 'pglite'),
  NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
  // A closed port: e2e runs "offline", so DOI look-ups fall back to manual entry.
  CROSSREF_API_URL: 'http://127.0.0.1:9',
  EUROPEPMC_API_URL: 'http://127.0.0.1:9',
  // e2e contexts each send their own X-Forwarded-For, standing in for one trusted proxy, so per-address sign-in
  // limits do not leak between tests.
  TRUSTED_PROXY_HOPS: '1',
};
delete env.DATABASE_URL;
if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;

for (const script of ['db/migrate.ts', 'db/seed.ts']) {
  const r = spawnSync(bin('tsx'), [script], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(bin('next'), ['start', '-p', port, '-H', '127.0.0.1'], { stdio: 'inherit', env });
const stop = (sig) => server.kill(sig);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
