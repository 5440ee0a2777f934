#!/usr/bin/env node
// Quick start: migrate and seed the embedded database, build once, start the app.
import { spawnSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const port = process.env.PORT || '3000';
const dataDir = path.join(root, '.data');
mkdirSync(dataDir, { recursive: true });

const secretFile = path.join(dataDir, 'auth-secret');
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });

const env = {
  ...process.env,
  EVX_DEMO: '1',
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || readFileSync(secretFile, 'utf8').trim(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
};

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// PGlite has no cross-process lock: migrate and seed before the server opens the folder.
run(bin('tsx'), ['db/migrate.ts']);
run(bin('tsx'), ['db/seed.ts']);
if (!existsSync(path.join(root, '.next', 'BUILD_ID')) || process.argv.includes('--rebuild'))
  run(bin('next'), ['build']);

const password = process.env.EVX_DEMO_PASSWORD || 'crosstalk-demo-2026';
console.log(`
EV Crosstalk Curator is starting at http://localhost:${port}
Database: ${process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${process.env.PGLITE_DATA_DIR || '.data/pglite'}`}

Demo accounts (password for all: ${password})
  curator@example.org     curator
  reviewer@example.org    reviewer
  reviewer2@example.org   reviewer
  admin@example.org       admin
`);

const server = spawn(bin('next'), ['start', '-p', port], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
