/**
 * `npm run bench -- --findings 1000000` — the app against raw PostgreSQL at scale.
 *
 * Creates a fresh database (on the server at DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, as evx_bench_<ts>, dropped at the
 * end unless --keep; or an embedded PGlite with --pglite), migrates it, fills it
 * set-based (scripts/bench/fill.ts), then measures every operation through the
 * app (its own query and domain functions in-process, and its HTTP API on
 * `next start`) and the same work done by raw PostgreSQL in the same run
 * (EXPLAIN ANALYZE, COPY, pgbench). Prints one table and the machine facts.
 *
 * main builds one BenchContext (context.ts) and runs the scenarios (scenarios/*.ts) over it in turn;
 * each returns its table rows and detail lines, which report.ts prints.
 *
 * Flags: --findings N (1,000,000) --pglite --keep --db NAME (reuse a kept, filled bench db)
 *        --runs 30 (per timing) --raw-runs 15 --export-runs 2 --write-seconds 20 --clients 16
 *        (--export-runs 2: full downloads per format; a cut-off one is not repeated)
 *        --no-http --no-pgbench --rebuild (force `next build` into --dist-dir, default .next-bench)
 *        --export-timeout 90 (seconds: a longer download is cut off and its rate taken over what arrived)
 *        --json FILE (also write the results as JSON)
 *
 * Exit code: 1 when the build fails (an older build is never reused in its place), the run cannot start,
 * or any scenario fails — it throws, or returns a section with `failed: true` (context.ts). A failed
 * scenario is a ✗ row in the table, the other scenarios still run, and the exit code is set at the end.
 */
import os from 'node:os';
import { createDb } from '../../db/client';
import { type BenchOptions, parseBenchOptions } from './args';
import { type BenchContext, failedSection, type Machine, machineFacts, type Resources, type Section } from './context';
import {
  capacitySection,
  createBenchDatabase,
  migrateAndFill,
  readDbFacts,
  readFillReport,
  releaseResources,
} from './database';
import { rawFor } from './raw';
import { measuredCommit, printReport } from './report';
import { browseCases } from './scenarios/browse';
import { measureCount } from './scenarios/counts';
import { measureServer, skippedHttp } from './scenarios/http';
import { measureQueryFns } from './scenarios/query-fn';
import { searchCases } from './scenarios/search';
import { measureTermSuggestions } from './scenarios/terms';
import { writesScenario } from './scenarios/writes';
import { ensureBuild } from './server';
import { fmtDuration, fmtInt } from './util';

type Start = { started: number; fillStart: number; log: (s: string) => void; machine: Machine; commit: string };

/** The build (first: it fails fast, and does not compete with the measurements), the fill, and the context over them. */
async function prepare(opts: BenchOptions, res: Resources, start: Start): Promise<BenchContext> {
  const { log } = start;
  const results: Record<string, unknown> = {};
  let fillStart = start.fillStart;
  if (!opts.noHttp) {
    const buildMs = ensureBuild(opts.distDir, { env: opts.env, rebuild: opts.rebuild, log });
    if (buildMs) log(`built in ${fmtDuration(buildMs)}`);
    results.buildMs = buildMs;
    fillStart = performance.now();
  }
  const filled = opts.reuseDb ? null : await migrateAndFill(opts, res, log);
  const fillMs = performance.now() - fillStart;
  res.app ??= await createDb({ url: res.db.url!, max: Math.max(20, opts.clients + 4) });
  const raw = (res.raw = rawFor(res.app, res.db.url, opts.env));
  const fill = filled ?? (await readFillReport(raw));
  const dbFacts = await readDbFacts(raw);
  log(
    `filled in ${fmtDuration(fillMs)}: ${fmtInt(fill.findings)} findings (${fmtInt(fill.approved)} approved), ${fmtInt(fill.revisions)} revisions, ` +
      `${fmtInt(fill.reviews)} reviews, ${fmtInt(fill.auditEvents)} audit events, ${fmtInt(fill.sources)} sources; database ${dbFacts.size}`,
  );
  results.fill = { ms: fillMs, ...fill, curators: undefined, reviewers: undefined, size: dbFacts.size };
  const { started, machine, commit } = start;
  return { opts, log, started, commit, machine, res, raw, fill, fillMs, dbFacts, loadAtStart: os.loadavg(), results };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; section: Section };

/**
 * One scenario, guarded: an error is logged and becomes a failed row in the table, and the run goes on
 * (one broken part should not lose the others' numbers); main exits 1 at the end (see Section).
 */
async function attempt<T>(what: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    console.error(`\n${what} failed:`, e);
    return { ok: false, section: failedSection(what, e) };
  }
}

const sectionOf = (o: Outcome<Section>): Section => (o.ok ? o.value : o.section);
const notRun = (what: string, because: string): Section => failedSection(what, new Error(`not run: ${because} failed`));

/** Every scenario in turn; the sections in the order the table prints them. */
async function runScenarios(ctx: BenchContext): Promise<Section[]> {
  const { results } = ctx;
  const setup = await attempt('browse and search cases', async () => {
    const browse = await browseCases(ctx);
    const search = await searchCases(ctx);
    return { cases: [...browse.cases, ...search.cases], details: [browse.detail, search.detail] };
  });
  const cases = setup.ok ? setup.value.cases : null;
  const fn = cases ? await attempt('browse and search query functions', () => measureQueryFns(ctx, cases)) : null;
  if (fn?.ok) results.browse = fn.value.byKey;
  const count = await attempt('count approved findings', () => measureCount(ctx));
  if (count.ok) results.count = count.value.result;
  const terms = await attempt('term suggestions', () => measureTermSuggestions(ctx));
  if (terms.ok) results.terms = terms.value.result;
  let served: Section = skippedHttp();
  results.export = {};
  if (!ctx.opts.noHttp) {
    if (!cases || !fn?.ok) served = notRun('HTTP and export', 'browse and search');
    else {
      const byKey = fn.value.byKey;
      const s = await attempt('HTTP and export', () => measureServer(ctx, cases, byKey));
      if (s.ok) Object.assign(results, { http: s.value.http, export: s.value.exports });
      served = sectionOf(s);
    }
  }
  const writes = await attempt('writes', () => writesScenario(ctx));
  if (writes.ok) Object.assign(results, { writes: writes.value.writes, pgbench: writes.value.pgbench });
  return [
    capacitySection(ctx.fill, ctx.opts.findings),
    setup.ok ? { rows: [], details: setup.value.details } : setup.section,
    fn ? sectionOf(fn) : notRun('browse and search query functions', 'browse and search cases'),
    sectionOf(count),
    sectionOf(terms),
    served,
    sectionOf(writes),
  ];
}

async function main(opts: BenchOptions) {
  const log = (s: string) => console.log(s);
  const started = performance.now();
  const machine = machineFacts(opts);
  const commit = measuredCommit();
  log(
    `EV Crosstalk Curator benchmark of ${commit} — ${opts.findings.toLocaleString('en-US')} findings on ${machine.engine}, ${machine.cores} cores, ${machine.ramGb} GB RAM`,
  );
  const fillStart = performance.now();
  const res: Resources = { db: await createBenchDatabase(opts, log), app: null, raw: null, server: null };
  try {
    const ctx = await prepare(opts, res, { started, fillStart, log, machine, commit });
    const sections = await runScenarios(ctx);
    printReport(ctx, sections);
    const failed = sections.filter((x) => x.failed).length;
    if (failed) {
      console.error(`\n${failed} scenario(s) failed (marked ✗ failed in the table): exit 1`);
      process.exitCode = 1;
    }
  } finally {
    await releaseResources(res, opts, log);
  }
}

main(parseBenchOptions(process.argv.slice(2))).catch((e) => {
  console.error(e);
  process.exit(1);
});
