#!/usr/bin/env node
// The server Playwright tests against: a fresh embedded database, or, when E2E_DATABASE_URL names a
// PostgreSQL server, a fresh database of its own on that server (created here, dropped on exit);
// migrated and seeded with the demo accounts, then `next start` on the existing production build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

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

/** A database of this run's own on the server at `serverUrl`; returns its URL and how to drop it. */
async function freshServerDatabase(serverUrl) {
  const name = `evx_e2e_${Date.now()}_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const drop = () => {
    const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
    return a
      .unsafe(`drop database if exists ${name} with (force)`)
      .catch((e) => console.error(`could not drop ${name}: ${e.message}`))
      .finally(() => a.end());
  };
  return { url: u.toString(), name, drop };
}

let dropDatabase = async () => {};
if (process.env.E2E_DATABASE_URL) {
  const fresh = await freshServerDatabase(process.env.E2E_DATABASE_URL);
  env.DATABASE_URL = fresh.url;
  dropDatabase = fresh.drop;
  console.log(`e2e database: ${fresh.name} on the PostgreSQL server`);
}

for (const script of ['db/migrate.ts', 'db/seed.ts']) {
  const r = spawnSync(bin('tsx'), [script], { stdio: 'inherit', env });
  if (r.status !== 0) {
    await dropDatabase();
    process.exit(r.status ?? 1);
  }
}

const server = spawn(bin('next'), ['start', '-p', port, '-H', '127.0.0.1'], { stdio: 'inherit', env });
const stop = (sig) => server.kill(sig);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', async (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase();
  process.exit(code ?? 0);
});
