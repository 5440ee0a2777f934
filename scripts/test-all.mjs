#!/usr/bin/env node
// `npm test`: every check and test suite, in order, then one totals line.
//   checks      schema drift, format (Prettier), lint (no warnings), typecheck, production build
//   vitest      unit tests (lib/, app/) and integration tests (db/) on PGlite, and on
//               the PostgreSQL server at DATABASE_URL when it is set
//   playwright  e2e in Chromium against `next start` on a fresh database
//   bench       `npm run bench` at 2,000 findings as a smoke check (server only)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
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

check('schema drift', process.execPath, ['scripts/check-drift.mjs']);
check('format', bin('prettier'), ['--check', '.']);
check('lint', bin('eslint'), ['.', '--max-warnings', '0']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);

// vitest
{
  const out = path.join(tmp, 'vitest.json');
  const r = step('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const j = readJson(out);
  if (j) {
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
    summary.push(
      `${j.numFailedTests || !r.ok ? 'FAIL' : 'ok  '} vitest: ${j.numPassedTests} passed, ${j.numFailedTests} failed (${r.seconds}s)`,
    );
  }
  if (!j || (!r.ok && j.numFailedTests === 0)) {
    totals.failed++;
    summary.push(`FAIL vitest did not complete (${r.seconds}s)`);
  }
}

// production build, then e2e against it
const built = check('next build', bin('next'), ['build']);
if (built && existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  const out = path.join(tmp, 'playwright.json');
  const r = step('playwright', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const j = readJson(out);
  if (j?.stats) {
    const failed = j.stats.unexpected + j.stats.flaky;
    totals.passed += j.stats.expected;
    totals.failed += failed;
    totals.skipped += j.stats.skipped;
    summary.push(
      `${failed || !r.ok ? 'FAIL' : 'ok  '} playwright: ${j.stats.expected} passed, ${failed} failed (${r.seconds}s)`,
    );
  }
  if (!j?.stats || (!r.ok && j.stats.unexpected + j.stats.flaky === 0)) {
    totals.failed++;
    summary.push(`FAIL playwright did not complete (${r.seconds}s)`);
  }
} else {
  totals.failed++;
  summary.push('FAIL playwright skipped: no production build');
}

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
