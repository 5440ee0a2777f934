/**
 * `npm run bench:intake [-- --records 10000 --candidates 100000 --runs 30 --pglite-only | --server-only]` —
 * issue 13's targets, on PGlite and on the PostgreSQL server (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; a fresh evx_bench_intake_<ts> database, dropped at the end):
 * 1. intake + de-duplication of a RIS file of --records records (5 % of them duplicates of earlier ones),
 *    parse to committed candidates, through the app's own functions (parseIntakeFile, addCandidates);
 * 2. the screening-queue page (db/queries/screening.ts screeningQueue, 20 rows) at --candidates candidates:
 *    the app function's median and the same SQL's server-side time (EXPLAIN ANALYZE: planning + execution).
 * Exits non-zero when a scenario fails or a target is missed (30 s; 10 ms in the query).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, type DbHandle } from '../../db/client';
import { runMigrations } from '../../db/migrate-lib';
import { addCandidates } from '../../db/queries/intake';
import { screeningQueue, screeningQueueSql } from '../../db/queries/screening';
import { enc, manyRis, risEntry } from '../../lib/intake/intake-test-kit';
import { parseIntakeFile } from '../../lib/intake/parse';
import type { IntakeParseResult } from '../../lib/intake/types';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '10000' },
    candidates: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '30' },
    'pglite-only': { type: 'boolean', default: false },
    'server-only': { type: 'boolean', default: false },
  },
});
const RECORDS = Number(values.records);
const CANDIDATES = Number(values.candidates);
const RUNS = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let failed = false;

function ris(n: number): string {
  const dups = Math.floor(n * 0.05);
  const dupEntries = Array.from({ length: dups }, (_, i) =>
    risEntry({ title: `duplicate ${i}`, doi: `10.5555/bench.dup.${i}`, year: 2020 }),
  );
  // Each duplicate appears twice: once among the first records, once at the end.
  return [dupEntries.join('\n'), manyRis(n - 2 * dups), dupEntries.join('\n')].join('\n');
}

async function intake(h: DbHandle, text: string) {
  const t0 = performance.now();
  const parsed = parseIntakeFile(enc(text), 'bench.ris') as IntakeParseResult;
  const t1 = performance.now();
  const [user] = await h.query<{ id: number }>(
    `insert into users (email, name, role, password_hash) values ('bench@example.org', 'Bench', 'curator', 'x') returning id`,
  );
  const counts = await h.db.transaction((tx) =>
    addCandidates(
      tx,
      user!.id,
      parsed.records.map((r) => r.record),
      { origin: 'suggestion', suggestedBy: user!.id, reason: 'bench' },
    ),
  );
  const t2 = performance.now();
  return { parseMs: t1 - t0, totalMs: t2 - t0, counts, userId: user!.id };
}

async function fillCandidates(h: DbHandle, n: number) {
  await h.query(`
    insert into candidates (origin, reason, title, title_key, year, first_author, outcome)
    select 'suggestion', 'bench', 'Filled candidate ' || g, 'filled candidate ' || g, 2000 + g % 25, 'author' || g % 5000,
           (array['unscreened','unscreened','awaiting_second','included','excluded'])[1 + g % 5]
    from generate_series(1, ${n}) g`);
  await h.query('analyze candidates');
}

async function queueTimes(h: DbHandle, userId: number) {
  const app: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const rows = await screeningQueue(h.db, userId, { limit: 20 });
    app.push(performance.now() - t);
    if (rows.length !== 20) throw new Error(`the queue returned ${rows.length} rows, not 20`);
  }
  const { sql: text, params } = screeningQueueSql(h.db, userId, { limit: 20 });
  const server: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 15); i++) {
    const [plan] = await h.query<{ 'QUERY PLAN': { 'Planning Time': number; 'Execution Time': number }[] }>(
      `explain (analyze, format json) ${text}`,
      params,
    );
    const p = plan!['QUERY PLAN'][0]!;
    server.push(p['Planning Time'] + p['Execution Time']);
  }
  return { appMs: median(app), sqlMs: median(server) };
}

async function scenario(engine: 'pglite' | 'postgres') {
  const dir = engine === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'evx-bench-intake-')) : null;
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `evx_bench_intake_${Date.now()}`;
  const admin = engine === 'postgres' ? await createDb({ url: base, max: 1 }) : null;
  if (admin) await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const h = await createDb(engine === 'pglite' ? { dataDir: dir! } : { url: url.toString(), max: 4 });
  try {
    await runMigrations(h);
    const r = await intake(h, ris(RECORDS));
    console.log(
      `${engine}: intake of ${RECORDS.toLocaleString('en')} RIS records: ${(r.totalMs / 1000).toFixed(2)} s ` +
        `(parse ${(r.parseMs / 1000).toFixed(2)} s) — added ${r.counts.added}, duplicates ${r.counts.duplicates}`,
    );
    if (r.totalMs > 30_000) failed = true;
    await fillCandidates(h, CANDIDATES - RECORDS);
    const q = await queueTimes(h, r.userId);
    console.log(
      `${engine}: screening-queue page at ${CANDIDATES.toLocaleString('en')} candidates: SQL ${q.sqlMs.toFixed(2)} ms ` +
        `(planning + execution, median), app function ${q.appMs.toFixed(2)} ms (median of ${RUNS})`,
    );
    if (q.sqlMs > 10) failed = true;
  } finally {
    await h.close();
    if (admin) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

try {
  if (!values['server-only']) await scenario('pglite');
  if (!values['pglite-only']) await scenario('postgres');
} catch (e) {
  console.error('bench:intake failed:', e);
  process.exit(1);
}
if (failed) {
  console.error('bench:intake: a target was missed (intake ≤ 30 s, queue query ≤ 10 ms)');
  process.exit(1);
}
