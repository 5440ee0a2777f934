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
 */
import os from 'node:os';
import { createDb } from '../../db/client';
import { type BenchOptions, parseBenchOptions } from './args';
import { type BenchContext, type Machine, machineFacts, type Resources, type Section } from './context';
import {
  capacitySection,
  createBenchDatabase,
  migrateAndFill,
  readDbFacts,
  readFillReport,
  releaseResources,
} from './database';
import { rawFor } from './raw';
import { printReport } from './report';
import { browseCases } from './scenarios/browse';
import { measureCount } from './scenarios/counts';
import { measureServer, skippedHttp } from './scenarios/http';
import { measureQueryFns } from './scenarios/query-fn';
import { searchCases } from './scenarios/search';
import { measureTermSuggestions } from './scenarios/terms';
import { writesScenario } from './scenarios/writes';
import { ensureBuild } from './server';
import { fmtDuration, fmtInt } from './util';

type Start = { started: number; fillStart: number; log: (s: string) => void; machine: Machine };

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
  const { started, machine } = start;
  return { opts, log, started, machine, res, raw, fill, fillMs, dbFacts, loadAtStart: os.loadavg(), results };
}

/** Every scenario in turn; the sections in the order the table prints them. */
async function runScenarios(ctx: BenchContext): Promise<Section[]> {
  const { results } = ctx;
  const browse = await browseCases(ctx);
  const search = await searchCases(ctx);
  const cases = [...browse.cases, ...search.cases];
  const setup: Section = { rows: [], details: [browse.detail, search.detail] };
  const fn = await measureQueryFns(ctx, cases);
  const count = await measureCount(ctx);
  results.count = count.result;
  const terms = await measureTermSuggestions(ctx);
  results.terms = terms.result;
  results.browse = fn.byKey;
  let served: Section = skippedHttp();
  if (!ctx.opts.noHttp) {
    const s = await measureServer(ctx, cases, fn.byKey);
    results.http = s.http;
    results.export = s.exports;
    served = s;
  } else results.export = {};
  const writes = await writesScenario(ctx);
  results.writes = writes.writes;
  results.pgbench = writes.pgbench;
  return [capacitySection(ctx.fill, ctx.opts.findings), setup, fn, count, terms, served, writes];
}

async function main(opts: BenchOptions) {
  const log = (s: string) => console.log(s);
  const started = performance.now();
  const machine = machineFacts(opts);
  log(
    `EV Crosstalk Curator benchmark — ${opts.findings.toLocaleString('en-US')} findings on ${machine.engine}, ${machine.cores} cores, ${machine.ramGb} GB RAM`,
  );
  const fillStart = performance.now();
  const res: Resources = { db: await createBenchDatabase(opts, log), app: null, raw: null, server: null };
  try {
    const ctx = await prepare(opts, res, { started, fillStart, log, machine });
    printReport(ctx, await runScenarios(ctx));
  } finally {
    await releaseResources(res, opts, log);
  }
}

main(parseBenchOptions(process.argv.slice(2))).catch((e) => {
  console.error(e);
  process.exit(1);
});
