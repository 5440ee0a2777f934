#!/usr/bin/env node
// `npm test`: every check and test suite, in order, then one totals line.
//   checks      schema drift, format (Prettier), lint (no warnings), typecheck, production build
//   then, side by side (the two cores are rarely both busy with one of them):
//   vitest      unit tests (lib/, app/) and integration tests (db/) on PGlite, and on
//               the PostgreSQL server at DATABASE_URL when it is set
//   playwright  e2e in Chromium against `next start` on a fresh database: PGlite (all specs) and the
//               PostgreSQL server at DATABASE_URL (E2E_SERVER_SPECS)
//   multi-process  two `next start` on one database behind a round-robin proxy (server only)
//   bench       `npm run bench` at 2,000 findings as a smoke check (server only)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = process.cwd();
// Build into a folder of its own, so the suite can run while `npm run demo` serves from .next.
process.env.NEXT_DIST_DIR ||= '.next-test';
const distDir = process.env.NEXT_DIST_DIR;
const bin = (n) => path.join(root, 'node_modules', '.bin', n);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'evx-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function step(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${[path.basename(cmd), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  process.stdout.write(r.stdout ?? '');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds, output: r.stdout };
}

function check(name, cmd, args) {
  const r = step(name, cmd, args);
  totals[r.ok ? 'passed' : 'failed']++;
  summary.push(`${r.ok ? 'ok  ' : 'FAIL'} ${name} (${r.seconds}s)`);
  return r.ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The specs the PostgreSQL server's e2e run takes (PGlite's takes them all): export, review, import, release, authorization. */
const E2E_SERVER_SPECS = (process.env.E2E_SERVER_SPECS ?? 'export-releases review api-import authz-matrix security')
  .split(/\s+/)
  .filter(Boolean)
  .map((n) => `e2e/${n}.spec.ts`);

/** A runner started in the background, its output prefixed with its label; resolves when it exits. */
function background(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${[path.basename(cmd), ...args].join(' ')} (output prefixed [${label}])`);
  const started = Date.now();
  const child = spawn(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`[${label}] ${line}`));
  }
  return new Promise((resolve) => {
    child.on('close', (status) => resolve({ ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  });
}

/** Adds a runner's totals (passed, failed, skipped) to the run's; a runner that gave none counts as one failure. */
function tally(name, r, t) {
  if (t) {
    totals.passed += t.passed;
    totals.failed += t.failed;
    totals.skipped += t.skipped;
    summary.push(
      `${t.failed || !r.ok ? 'FAIL' : 'ok  '} ${name}: ${t.passed} passed, ${t.failed} failed (${r.seconds}s)`,
    );
  }
  if (!t || (!r.ok && t.failed === 0)) {
    totals.failed++;
    summary.push(`FAIL ${name} did not complete (${r.seconds}s)`);
  }
}

async function vitest() {
  const out = path.join(tmp, 'vitest.json');
  const r = await background('vitest', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const j = readJson(out);
  const t = j && {
    passed: j.numPassedTests,
    failed: j.numFailedTests,
    skipped: j.numPendingTests + (j.numTodoTests ?? 0),
  };
  tally('vitest', r, t);
}

/** The e2e suite against its own `next start` on port `port` and a fresh database (scripts/e2e-server.mjs). */
async function playwright(engine, port, env, files) {
  const out = path.join(tmp, `playwright-${engine}.json`);
  const args = ['test', '--output', path.join(tmp, `pw-results-${engine}`), ...files];
  const r = await background(`e2e ${engine}`, bin('playwright'), args, {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    E2E_PORT: String(port),
    ...env,
  });
  const st = readJson(out)?.stats;
  const t = st && { passed: st.expected, failed: st.unexpected + st.flaky, skipped: st.skipped };
  tally(`playwright (${engine})`, r, t);
}

check('schema drift', process.execPath, ['scripts/check-drift.mjs']);
check('format', bin('prettier'), ['--check', '.']);
check('lint', bin('eslint'), ['.', '--max-warnings', '0']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);

// The production build first; then vitest (both engines) and the e2e suite on both engines run side by side:
// the whole e2e suite on PGlite, and E2E_SERVER_SPECS on a fresh database of the PostgreSQL server at
// DATABASE_URL. Each e2e run has its own `next start`, port and database, so the specs that switch global
// settings (dual screening, dual review, public read) never meet; vitest's databases are its own too.
const buildStamp = {
  commit: spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() || null,
  startedMs: Date.now(),
};
const built = check('next build', bin('next'), ['build']) && existsSync(path.join(root, distDir, 'BUILD_ID'));
// The bench's build check (scripts/bench/server.ts) reads which commit a build is, and when it began.
if (built) writeFileSync(path.join(root, distDir, 'evx-build-stamp.json'), `${JSON.stringify(buildStamp)}\n`);
const runners = [vitest()];
if (built) {
  runners.push(playwright('pglite', 3100, {}, []));
  if (process.env.DATABASE_URL)
    runners.push(playwright('server', 3101, { E2E_DATABASE_URL: process.env.DATABASE_URL }, E2E_SERVER_SPECS));
  else summary.push('---- playwright on the PostgreSQL server skipped: needs DATABASE_URL');
} else {
  totals.failed++;
  summary.push('FAIL playwright skipped: no production build');
}
await Promise.all(runners);

// Many processes on one database (scripts/multiprocess-test.ts): two `next start` of this build on a fresh
// database of the server behind a round-robin proxy; it prints one line per check and `N passed, N failed`.
if (process.env.DATABASE_URL && built) {
  const r = step('multi-process', 'npm', ['run', '--silent', 'test:multiprocess'], { NEXT_DIST_DIR: distDir });
  const line = /^(\d+) passed, (\d+) failed$/m.exec(r.output ?? '');
  tally('multi-process', r, line && { passed: Number(line[1]), failed: Number(line[2]), skipped: 0 });
} else summary.push('---- multi-process test skipped: needs DATABASE_URL (a PostgreSQL server) and the build');

// The benchmark, small, as a smoke check that it still runs end to end (fill, browse, HTTP, exports,
// writes, pgbench) on the server; its times are not asserted here (`npm run bench` is where they count).
if (process.env.DATABASE_URL && built) {
  check('bench smoke (2,000 findings)', 'npm', [
    'run',
    '--silent',
    'bench',
    '--',
    '--findings',
    '2000',
    '--runs',
    '3',
    '--raw-runs',
    '2',
    '--export-runs',
    '1',
    '--write-seconds',
    '2',
    '--dist-dir',
    distDir,
  ]);
} else summary.push('---- bench smoke skipped: needs DATABASE_URL (a PostgreSQL server) and the build');

rmSync(tmp, { recursive: true, force: true });
if (totals.skipped)
  summary.push(
    `(${totals.skipped} skipped: tests for one database engine only, in the other engine's run, or for a service this run does not have)`,
  );
console.log(`\n=== summary\n${summary.join('\n')}\n`);
// The last line, plain, for the CI harness.
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
