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
 * Flags: --findings N (1,000,000) --pglite --keep --db NAME (reuse a kept, filled bench db)
 *        --runs 30 (per timing) --raw-runs 15 --export-runs 2 --write-seconds 20 --clients 16
 *        (--export-runs 2: full downloads per format; a cut-off one is not repeated)
 *        --no-http --no-pgbench --rebuild (force `next build` into --dist-dir, default .next-bench)
 *        --export-timeout 90 (seconds: a longer download is cut off and its rate taken over what arrived)
 *        --json FILE (also write the results as JSON)
 */
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { listingRefresh } from '../../db/queries/listing';
import postgres from 'postgres';
import { createDb, type Db, type DbHandle } from '../../db/client';
import { runMigrations } from '../../db/migrate-lib';
import { browseFindings, countFindings, EXACT_COUNT_LIMIT } from '../../db/queries/browse';
import { type Actor, saveDraft, submitFinding } from '../../db/queries/curation';
import { decide } from '../../db/queries/review';
import * as schema from '../../db/schema';
import { findingRevisions, findings } from '../../db/schema';
import { encodeCursor, parseBrowseQuery } from '../../lib/browse/filters';
import { DomainError } from '../../lib/errors';
import { revisionToContent } from '../../lib/finding/from-row';
import { EXPORT_COLUMN_NAMES } from '../../lib/export/columns';
import { fillDatabase, type FillReport } from './fill';
import {
  ensureBuild,
  fmtDuration,
  fmtInt,
  fmtMs,
  median,
  parseArgs,
  quantile,
  ratioRate,
  ratioTime,
  renderTable,
  type Row,
  sampleRss,
  type Server,
  startServer,
  timeRuns,
} from './util';

const args = parseArgs(process.argv.slice(2));
const N = Number(args.findings ?? 1_000_000);
const PGLITE = Boolean(args.pglite);
const KEEP = Boolean(args.keep);
const RUNS = Number(args.runs ?? 30);
const RAW_RUNS = Number(args['raw-runs'] ?? 15);
const EXPORT_RUNS = Number(args['export-runs'] ?? 2);
/** A download that takes longer is cut off there; its rate is the rows received per second. */
const EXPORT_TIMEOUT_S = Number(args['export-timeout'] ?? 90);
const WRITE_SECONDS = Number(args['write-seconds'] ?? 20);
const CLIENTS = Number(args.clients ?? 16);
const DIST_DIR = String(args['dist-dir'] ?? '.next-bench');
const NO_HTTP = Boolean(args['no-http']);
const NO_PGBENCH = Boolean(args['no-pgbench']) || PGLITE;
const REUSE_DB = typeof args.db === 'string' ? args.db : null;
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (s: string) => console.log(s);
const started = performance.now();
const rows: Row[] = [];
const details: string[] = [];
const results: Record<string, unknown> = {};

// ---------------------------------------------------------------- raw PostgreSQL

type Raw = {
  /** EXPLAIN (ANALYZE, FORMAT JSON): execution and planning time in ms, and the plan. */
  explain: (sql: string, params?: unknown[]) => Promise<{ exec: number; plan: number; tree: PlanNode }>;
  copyRows: (sql: string) => Promise<{ bytes: number; lines: number; ms: number }>;
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
};
type PlanNode = {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
};

function rawFor(h: DbHandle, url: string | null): Raw {
  const explainWith = async (
    run: (s: string, p: unknown[]) => Promise<Record<string, unknown>[]>,
    sql: string,
    params: unknown[] = [],
  ) => {
    const res = await run(`explain (analyze, format json) ${sql}`, params);
    const v = res[0]!['QUERY PLAN'];
    const j = (typeof v === 'string' ? JSON.parse(v) : v) as {
      'Execution Time': number;
      'Planning Time': number;
      Plan: PlanNode;
    }[];
    return { exec: j[0]!['Execution Time'], plan: j[0]!['Planning Time'], tree: j[0]!.Plan };
  };
  if (!url) {
    return {
      explain: (s, p) => explainWith((a, b) => h.query(a, b), s, p),
      copyRows: async () => ({ bytes: NaN, lines: NaN, ms: NaN }),
      query: (s, p) => h.query(s, p),
      close: async () => {},
    };
  }
  const sql = postgres(url, {
    max: 4,
    onnotice: () => {},
    connection: { application_name: 'evx-bench-raw', jit: 'off' },
  });
  return {
    explain: (s, p) =>
      explainWith((a, b) => sql.unsafe(a, b as never[]) as unknown as Promise<Record<string, unknown>[]>, s, p),
    copyRows: async (copySql) => {
      // psql when it is there: a plain COPY … TO STDOUT read from its stdout (postgres.js's copy stream once stalled here).
      if (spawnSync('sh', ['-c', 'command -v psql']).status === 0) return psqlCopy(url, copySql);
      const t0 = performance.now();
      const stream = await sql.unsafe(copySql).readable();
      let bytes = 0;
      let lines = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      }
      return { bytes, lines, ms: performance.now() - t0 };
    },
    query: async (s, p = []) => (await sql.unsafe(s, p as never[])) as unknown as never[],
    close: () => sql.end({ timeout: 5 }),
  };
}

function psqlCopy(url: string, copySql: string, timeoutS = 300): Promise<{ bytes: number; lines: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // jit off, as the app's connections run (db/client.ts): the same settings on both sides.
    const child = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', copySql], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PGOPTIONS: '-c jit=off' },
    });
    let bytes = 0;
    let lines = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ bytes, lines, ms: performance.now() - t0 });
      else reject(new Error(`psql COPY failed (${code ?? 'killed'}): ${err.slice(0, 300)}`));
    });
  });
}

function planSummary(n: PlanNode): string {
  const out: string[] = [];
  const walk = (x: PlanNode) => {
    if (x['Index Name'] || /Scan/.test(x['Node Type']))
      out.push(
        `${x['Node Type']}${x['Index Name'] ? ` ${x['Index Name']}` : x['Relation Name'] ? ` ${x['Relation Name']}` : ''}`,
      );
    for (const c of x.Plans ?? []) walk(c);
  };
  walk(n);
  return [...new Set(out)].join(', ');
}

// ---------------------------------------------------------------- SQL the raw side runs

const PAGE_COLUMNS = `f.id, f.public_id, f.status, r.target_organ_label, r.species_label, r.origin_label, r.direction, r.ev_source, r.cargo,
  r.recipient_cell, r.model_disease, r.result, r.study_type, r.effect_direction, f.doi, f.year, s.authors, r.revision_no, f.approved_at, f.updated_at`;
const PAGE_FROM = `from findings f join finding_revisions r on r.id = f.approved_revision_id join sources s on s.id = f.source_id`;

/** The keyset page the app should run: $1..: filters, then the cursor. */
function rawPageSql(opts: { organSpecies?: boolean; cursor?: boolean; where?: string; order?: string }): {
  sql: string;
  nParams: number;
} {
  const conds = ['f.approved_revision_id is not null'];
  let n = 0;
  if (opts.organSpecies) conds.push(`f.target_organ = $${++n}`, `f.species = $${++n}`);
  if (opts.where) conds.push(opts.where.replace(/\$q/g, `$${++n}`));
  if (opts.cursor) {
    conds.push(`(f.approved_at, f.id) < ($${n + 1}::timestamptz, $${n + 2})`);
    n += 2;
  }
  return {
    sql: `select ${PAGE_COLUMNS} ${PAGE_FROM} where ${conds.join(' and ')} order by ${opts.order ?? 'f.approved_at desc, f.id desc'} limit 51`,
    nParams: n,
  };
}

const list = (col: string) => `array_to_string(${col}, '; ')`;
/**
 * The export's 31 columns (lib/export/columns.ts), computed in SQL, for COPY: the raw side's best plain
 * form of the same rows (PostgreSQL's own CSV quoting, no formula neutralization; the reviewer's name
 * looked up per row, as the app does — a users join inside the lateral cost a hash join per row).
 */
const EXPORT_SELECT = `
  select f.public_id as finding_id, r.revision_no as revision, r.target_organ_label as target_organ, r.species_label as species, r.ev_source,
    coalesce((select string_agg(e->>'name', '; ' order by o) from jsonb_array_elements(r.cargo) with ordinality x(e, o)), '') as ev_cargo,
    r.recipient_cell, r.model_disease, r.result,
    coalesce((select string_agg(e->>'type', '; ' order by o) from jsonb_array_elements(r.cargo) with ordinality x(e, o)), '') as ev_cargo_types,
    r.direction, r.origin_label as origin, coalesce(r.study_type, '') as study_type, coalesce(r.effect_direction, '') as effect_direction,
    ${list('r.mechanism')} as mechanism, coalesce(r.ev_type, '') as ev_type, ${list('r.separation_methods')} as separation_methods,
    ${list('r.particle_analysis')} as particle_analysis, ${list('r.em_methods')} as em_methods, ${list('r.markers_positive')} as markers_positive,
    ${list('r.markers_negative')} as markers_negative, r.evidence_quote, r.evidence_location, r.curator_note,
    r.target_organ as target_organ_id, r.species as species_id, r.origin as origin_id, s.doi,
    concat_ws(' ',
      case when s.authors is not null then s.authors || ' (' || coalesce(s.year::text, 'n.d.') || ').' when s.year is not null then '(' || s.year || ').' end,
      case when s.title is not null then regexp_replace(s.title, '\\.$', '') || '.' end,
      nullif(concat_ws(' ', s.journal, s.volume_pages) || case when s.journal is not null or s.volume_pages is not null then '.' else '' end, ''),
      'doi:' || s.doi) as citation,
    coalesce(a.name, '') as approved_by,
    coalesce(to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '') as approved_at
  from findings f
  join finding_revisions r on r.id = f.approved_revision_id
  join sources s on s.id = f.source_id
  left join lateral (select (select u.name from users u where u.id = rv.reviewer_id) as name, rv.created_at as at from reviews rv
    where rv.revision_id = r.id and rv.decision = 'approve' order by rv.created_at desc, rv.id desc limit 1) a on true
  where f.approved_revision_id is not null
  order by f.id`;

// ---------------------------------------------------------------- measurement helpers

const p = (xs: number[], q: number) => quantile(xs, q);

async function httpTimes(server: Server, pathAndQuery: string, runs: number): Promise<number[]> {
  const once = async () => {
    const r = await fetch(server.url + pathAndQuery);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`GET ${pathAndQuery} → ${r.status}`);
  };
  return timeRuns(once, runs, 5);
}

async function rawTimes(raw: Raw, sql: string, params: unknown[], runs: number) {
  const exec: number[] = [];
  let tree: PlanNode | null = null;
  let planning = 0;
  await raw.explain(sql, params); // warm
  for (let i = 0; i < runs; i++) {
    const r = await raw.explain(sql, params);
    exec.push(r.exec);
    planning = r.plan;
    tree = r.tree;
  }
  return { exec: median(exec), planning, plan: tree ? planSummary(tree) : '' };
}

/** The SQL drizzle sends for one call of `fn`, captured with a logger on a second drizzle instance over the raw client. */
async function captureSql(
  url: string,
  fn: (db: Db) => Promise<unknown>,
): Promise<{ sql: string; params: unknown[] }[]> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const db = drizzle({
    client,
    schema,
    casing: 'snake_case',
    logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
  }) as unknown as Db;
  try {
    await fn(db);
  } finally {
    await client.end({ timeout: 5 });
  }
  return captured;
}

// ---------------------------------------------------------------- main

async function main() {
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '?',
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
    findings: N,
    engine: PGLITE ? 'PGlite (embedded)' : 'PostgreSQL server',
  };
  log(
    `EV Crosstalk Curator benchmark — ${N.toLocaleString('en-US')} findings on ${machine.engine}, ${machine.cores} cores, ${machine.ramGb} GB RAM`,
  );

  // 1. A fresh database.
  let dbName: string | null = null;
  let dbUrl: string | null = null;
  let pgliteDir: string | null = null;
  let admin: DbHandle | null = null;
  let fill: FillReport | null = null;
  let tFill0 = performance.now();
  if (PGLITE) {
    pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'evx-bench-pglite-'));
  } else {
    admin = await createDb({ url: BASE_URL, max: 1 });
    dbName = REUSE_DB ?? `evx_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
    const u = new URL(BASE_URL);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    if (!REUSE_DB) {
      await admin.query(`create database ${dbName}`);
      // Bulk-load settings for this database only, reset after the fill.
      await admin.query(`alter database ${dbName} set synchronous_commit = off`);
      await admin.query(`alter database ${dbName} set maintenance_work_mem = '1GB'`);
      await admin.query(`alter database ${dbName} set work_mem = '256MB'`);
      // JIT-compiling the fill's wide INSERT … SELECTs costs seconds per statement and buys nothing.
      await admin.query(`alter database ${dbName} set jit = off`);
    }
  }
  log(`database: ${PGLITE ? `PGlite in ${pgliteDir}` : dbName}${REUSE_DB ? ' (reused, not refilled)' : ''}`);

  let app: DbHandle | null = null;
  let server: Server | null = null;
  let raw: Raw | null = null;
  try {
    // The production build first (it fails fast, and does not compete with the measurements).
    if (!NO_HTTP) {
      const buildMs = ensureBuild(DIST_DIR, { rebuild: Boolean(args.rebuild), log });
      if (buildMs) log(`built in ${fmtDuration(buildMs)}`);
      results.buildMs = buildMs;
      tFill0 = performance.now();
    }
    if (!REUSE_DB) {
      const h = PGLITE ? await createDb({ url: '', dataDir: pgliteDir! }) : await createDb({ url: dbUrl!, max: 4 });
      const t0 = performance.now();
      await runMigrations(h);
      log(`migrated in ${((performance.now() - t0) / 1000).toFixed(1)} s; filling …`);
      if (PGLITE) await h.query(`set maintenance_work_mem = '512MB'`);
      fill = await fillDatabase(h, { findings: N, log });
      if (PGLITE) app = h;
      else {
        await h.close();
        await admin!.query(`alter database ${dbName} reset all`);
      }
    }
    const fillMs = performance.now() - tFill0;
    app ??= await createDb({ url: dbUrl!, max: Math.max(20, CLIENTS + 4) });
    raw = rawFor(app, dbUrl);
    if (!fill) {
      const [c] = await raw.query<
        Record<string, string>
      >(`select (select count(*) from findings) f, (select count(*) from findings where approved_revision_id is not null) a,
        (select count(*) from finding_revisions) r, (select count(*) from reviews) v, (select count(*) from audit_events) e, (select count(*) from sources) s`);
      const curators = await raw.query<{ id: number }>(
        `select id from users where email like 'bench.curator%' order by id`,
      );
      const reviewers = await raw.query<{ id: number }>(
        `select id from users where email like 'bench.reviewer%' order by id`,
      );
      fill = {
        findings: +c!.f!,
        approved: +c!.a!,
        revisions: +c!.r!,
        reviews: +c!.v!,
        auditEvents: +c!.e!,
        sources: +c!.s!,
        curators,
        reviewers,
        steps: [],
        capacity: null,
        probePublicId: '',
      };
    }
    const [ver] = await raw.query<{ v: string; jit: string; sb: string }>(
      `select version() as v, current_setting('jit') as jit, current_setting('shared_buffers') as sb`,
    );
    const pgVersion = ver!.v.split(' on ')[0]!;
    const [size] = await raw.query<{ s: string }>(`select pg_size_pretty(pg_database_size(current_database())) as s`);
    log(
      `filled in ${fmtDuration(fillMs)}: ${fmtInt(fill.findings)} findings (${fmtInt(fill.approved)} approved), ${fmtInt(fill.revisions)} revisions, ` +
        `${fmtInt(fill.reviews)} reviews, ${fmtInt(fill.auditEvents)} audit events, ${fmtInt(fill.sources)} sources; database ${size!.s}`,
    );
    if (fill.capacity !== null)
      rows.push({
        op: `capacity: finding no. ${fmtInt(N)} (public id ${fill.probePublicId} is taken) → filled ${fmtInt(fill.findings)}`,
        app: `max ${fmtInt(fill.capacity)} findings`,
        raw: '–',
        ratio: '–',
        target: `${fmtInt(N)} findings`,
        ok: false,
      });
    results.fill = { ms: fillMs, ...fill, curators: undefined, reviewers: undefined, size: size!.s };

    const loadAtStart = os.loadavg();
    // 2. Scenarios.
    const approved = fill.approved;
    const depth = Math.min(500_000, Math.floor(approved / 2));
    const [deepRow] = await raw.query<{ v: string; id: number }>(
      `select approved_at::text as v, id from findings where approved_revision_id is not null order by approved_at desc, id desc offset ${depth - 1} limit 1`,
    );
    const deepCursor = encodeCursor(deepRow!.v, deepRow!.id);
    const pairs = await raw.query<{ o: string; s: string; n: string }>(
      `select target_organ o, species s, count(*) n from findings where approved_revision_id is not null group by 1, 2 order by 3 desc`,
    );
    const common = pairs[0]!;
    const rare = [...pairs].reverse().find((x) => Number(x.n) >= 200) ?? pairs.at(-1)!;
    const pairDepth = Math.floor(Number(common.n) / 2);
    const [pairDeep] = await raw.query<{ v: string; id: number }>(
      `select approved_at::text as v, id from findings where approved_revision_id is not null and target_organ = $1 and species = $2
       order by approved_at desc, id desc offset ${pairDepth - 1} limit 1`,
      [common.o, common.s],
    );
    const pairCursor = encodeCursor(pairDeep!.v, pairDeep!.id);
    const WORD = 'angiogenesis';
    const CARGO = 'miR-13';
    const [wordN] = await raw.query<{ n: string }>(
      `select count(*) n from findings where approved_revision_id is not null and search @@ websearch_to_tsquery('english', $1)`,
      [WORD],
    );
    const [cargoN] = await raw.query<{ n: string }>(
      `select count(*) n from findings where approved_revision_id is not null and cargo_text ilike $1`,
      [`%${CARGO}%`],
    );
    details.push(
      `depth of the deep page: row ${fmtInt(depth)} of ${fmtInt(approved)} approved; organ+species: common pair ${common.o} + ${common.s} (${fmtInt(+common.n)} rows, deep page at row ${fmtInt(pairDepth)}), rare pair ${rare.o} + ${rare.s} (${fmtInt(+rare.n)} rows)`,
      `search words: "${WORD}" matches ${fmtInt(+wordN!.n)} approved findings; "${CARGO}" (partial cargo name) ${fmtInt(+cargoN!.n)}`,
    );

    type Scenario = {
      key: string;
      label: string;
      params: Record<string, string>;
      raw: { sql: string; params: unknown[] };
      fnTarget: number;
      http: boolean;
    };
    const page = rawPageSql;
    const scenarios: Scenario[] = [
      {
        key: 'p1',
        label: 'browse page 1 (50, unfiltered)',
        params: {},
        raw: { sql: page({}).sql, params: [] },
        fnTarget: 2,
        http: true,
      },
      {
        key: 'deep',
        label: `browse deep page (after ${fmtInt(depth)} rows)`,
        params: { cursor: deepCursor },
        raw: { sql: page({ cursor: true }).sql, params: [deepRow!.v, deepRow!.id] },
        fnTarget: 2,
        http: true,
      },
      {
        key: 'os1',
        label: 'browse organ+species page 1 (common pair)',
        params: { organ: common.o, species: common.s },
        raw: { sql: page({ organSpecies: true }).sql, params: [common.o, common.s] },
        fnTarget: 2,
        http: true,
      },
      {
        key: 'osdeep',
        label: `browse organ+species deep page (row ${fmtInt(pairDepth)})`,
        params: { organ: common.o, species: common.s, cursor: pairCursor },
        raw: {
          sql: page({ organSpecies: true, cursor: true }).sql,
          params: [common.o, common.s, pairDeep!.v, pairDeep!.id],
        },
        fnTarget: 2,
        http: true,
      },
      {
        key: 'osrare',
        label: 'browse organ+species page 1 (rare pair)',
        params: { organ: rare.o, species: rare.s },
        raw: { sql: page({ organSpecies: true }).sql, params: [rare.o, rare.s] },
        fnTarget: 2,
        http: true,
      },
      {
        key: 'fts',
        label: `full-text search q=${WORD}, by date`,
        params: { q: WORD },
        raw: { sql: page({ where: `f.search @@ websearch_to_tsquery('english', $q)` }).sql, params: [WORD] },
        fnTarget: 15,
        http: true,
      },
      {
        key: 'cargo',
        label: `partial cargo search q=${CARGO}, by date`,
        params: { q: CARGO },
        raw: { sql: page({ where: `f.cargo_text ilike $q` }).sql, params: [`%${CARGO}%`] },
        fnTarget: 15,
        http: true,
      },
      {
        key: 'ranked',
        label: `ranked search q=${WORD}, sort=relevance`,
        params: { q: WORD, sort: 'relevance' },
        raw: {
          sql: page({
            where: `f.search @@ websearch_to_tsquery('english', $q)`,
            order: `ts_rank_cd(f.search, websearch_to_tsquery('english', $1)) desc, f.id desc`,
          }).sql,
          params: [WORD],
        },
        fnTarget: 300,
        http: true,
      },
    ];

    // 3. In-process: the app's browseFindings, its count alone, and raw EXPLAIN ANALYZE.
    log(`\nbrowse and search: ${RUNS} runs each in-process, ${RAW_RUNS} EXPLAIN ANALYZE runs each …`);
    // Warm every scenario first: the first one timed should not pay for a cold process and cold caches.
    for (const s of scenarios) {
      const parsed = parseBrowseQuery(s.params);
      if (parsed.ok) for (let i = 0; i < 5; i++) await browseFindings(app!.db, parsed.query, null);
    }
    const fnResults: Record<
      string,
      {
        med: number;
        p95: number;
        count: number;
        countExact: boolean;
        rawExec: number;
        rawPlan: string;
        countMed: number;
      }
    > = {};
    for (const s of scenarios) {
      const parsed = parseBrowseQuery(s.params);
      if (!parsed.ok) throw new Error(`${s.key}: ${JSON.stringify(parsed.errors)}`);
      let last: Awaited<ReturnType<typeof browseFindings>> | null = null;
      // Ten warm-ups: a running server has its statements prepared on its connections and its code optimized.
      const times = await timeRuns(async () => (last = await browseFindings(app!.db, parsed.query, null)), RUNS, 10);
      const countTimes = await timeRuns(() => countFindings(app!.db, parsed.query, null), Math.min(RUNS, 15), 1);
      const r = await rawTimes(raw, s.raw.sql, s.raw.params, RAW_RUNS);
      const got = last as Awaited<ReturnType<typeof browseFindings>> | null;
      if (!got || got.rows.length === 0) throw new Error(`${s.key}: the app returned no rows`);
      fnResults[s.key] = {
        med: median(times),
        p95: p(times, 0.95),
        count: got.count.n,
        countExact: got.count.exact,
        rawExec: r.exec,
        rawPlan: r.plan,
        countMed: median(countTimes),
      };
      const f = fnResults[s.key]!;
      rows.push({
        op: `${s.label} — query fn`,
        app: fmtMs(f.med),
        raw: fmtMs(f.rawExec),
        ratio: ratioTime(f.med, f.rawExec),
        target: `≤ ${s.fnTarget} ms`,
        ok: f.med <= s.fnTarget,
      });
      // What the app's own SQL costs in PostgreSQL (page query and count), to tell planning/driver overhead from plan problems.
      let appSql = '';
      if (dbUrl) {
        const captured = await captureSql(dbUrl, (db) => browseFindings(db, parsed.query, null));
        const parts: string[] = [];
        // The page query and the count run side by side: tell them by their text, not their order.
        for (const c of captured) {
          if (/^explain/i.test(c.sql)) continue;
          const isPage = !/^select count\(/i.test(c.sql);
          const e = await rawTimes(raw, c.sql, c.params, 5);
          let alone = '';
          if (isPage) {
            // The page query by itself, same SQL and parameters, through postgres.js in this process (no count).
            const t = await timeRuns(() => raw!.query(c.sql, c.params), 15, 3);
            alone = `, ${fmtMs(median(t))} in-process without the count`;
          }
          parts.push(
            `${isPage ? 'page' : 'count'} SQL ${fmtMs(e.exec)} exec + ${fmtMs(e.planning)} plan${alone} [${e.plan}]`,
          );
        }
        appSql = parts.join('; ');
      }
      details.push(
        `${s.label}: query fn median ${fmtMs(f.med)} (p95 ${fmtMs(f.p95)}), of which countFindings alone ${fmtMs(f.countMed)}; shows count ${fmtInt(f.count)}${f.countExact ? '' : ' (estimate)'}; ` +
          `raw plan [${f.rawPlan}]; app's ${appSql}`,
      );
      log(
        `  ${s.key.padEnd(7)} fn ${fmtMs(f.med).padStart(9)}  count ${fmtMs(f.countMed).padStart(9)}  raw ${fmtMs(f.rawExec).padStart(9)}`,
      );
    }

    // Counts: the app's count (exact up to 10,000, else the planner's estimate) vs an exact count.
    {
      const parsed = parseBrowseQuery({});
      if (!parsed.ok) throw new Error('count query');
      let shown = { n: 0, exact: false };
      const t = await timeRuns(async () => (shown = await countFindings(app!.db, parsed.query, null)), RUNS);
      const r = await rawTimes(
        raw,
        'select count(*) from findings where approved_revision_id is not null',
        [],
        Math.min(RAW_RUNS, 10),
      );
      const ok = median(t) <= 100 || !shown.exact;
      rows.push({
        op: `count approved (app shows ${shown.exact ? '' : '~'}${fmtInt(shown.n)}${shown.exact ? ', exact' : ', estimate'}; exact ${fmtInt(approved)})`,
        app: fmtMs(median(t)),
        raw: fmtMs(r.exec),
        ratio: ratioTime(median(t), r.exec),
        target: '≤ 100 ms or estimate',
        ok,
      });
      details.push(
        `exact count of approved rows: raw plan [${r.plan}]; the app counts exactly up to ${fmtInt(EXACT_COUNT_LIMIT)} and estimates beyond`,
      );
      results.count = { appMs: median(t), shown, rawExactMs: r.exec };
    }
    results.browse = fnResults;

    // 4. HTTP: next start against this database.
    let exportStats: Record<string, unknown> = {};
    if (!NO_HTTP) {
      if (PGLITE) {
        // PGlite allows one process per data folder: hand it to the server for the HTTP part.
        await app.close();
        app = null;
      }
      server = await startServer({
        databaseUrl: dbUrl ?? '',
        distDir: DIST_DIR,
        env: PGLITE ? { DATABASE_URL: '', PGLITE_DATA_DIR: pgliteDir! } : {},
      });
      log(`\nHTTP: next start on ${server.url} (pid ${server.serverPid()}), ${RUNS} sequential requests per URL …`);
      for (const s of scenarios.filter((x) => x.http)) {
        const qs = new URLSearchParams(s.params).toString();
        const t = await httpTimes(server, `/api/v1/findings${qs ? `?${qs}` : ''}`, RUNS);
        const f = fnResults[s.key]!;
        const isBrowse = f && s.fnTarget <= 2;
        rows.push({
          op: `${s.label} — HTTP p50 / p95`,
          app: `${fmtMs(median(t))} / ${fmtMs(p(t, 0.95))}`,
          raw: fmtMs(f.rawExec),
          ratio: ratioTime(median(t), f.rawExec),
          target: isBrowse ? 'p50 ≤ 10, p95 ≤ 25 ms' : '–',
          ok: isBrowse ? median(t) <= 10 && p(t, 0.95) <= 25 : null,
        });
        log(`  ${s.key.padEnd(7)} p50 ${fmtMs(median(t)).padStart(9)}  p95 ${fmtMs(p(t, 0.95)).padStart(9)}`);
        (results.http ??= {} as Record<string, unknown>) as Record<string, unknown>;
        (results.http as Record<string, unknown>)[s.key] = { p50: median(t), p95: p(t, 0.95) };
      }

      // 5. Exports through the endpoint vs COPY.
      try {
        exportStats = await measureExports(server, raw, approved);
      } catch (e) {
        // Report it in the table and go on to the writes: one broken part should not lose the run.
        console.error('export measurement failed:', e);
        rows.push({
          op: 'CSV/JSON export',
          app: `failed: ${(e as Error).message.slice(0, 80)}`,
          raw: '',
          ratio: '',
          target: '',
          ok: false,
        });
        await cancelServerQueries(raw);
      }
      await server.stop();
      server = null;
      if (PGLITE) app = await createDb({ url: '', dataDir: pgliteDir! });
    } else {
      rows.push({ op: 'HTTP and export', app: 'skipped (--no-http)', raw: '', ratio: '', target: '', ok: null });
    }
    results.export = exportStats;

    // 6. Writes: 16 clients through the domain functions, then verification, then pgbench.
    const writes = await measureWrites(app!, fill);
    results.writes = writes;
    let pgb: { tps: number; p95: number; p50: number; n: number } | null = null;
    if (!NO_PGBENCH && dbUrl) pgb = runPgbench(dbUrl, fill.findings, fill.curators[0]!.id, fill.reviewers[0]!.id);
    results.pgbench = pgb;
    rows.push({
      op: `writes: ${CLIENTS} clients edit → submit → approve, tx/s (pgbench: the same three tx)`,
      app: `${fmtInt(writes.tps)} tx/s`,
      raw: pgb ? `${fmtInt(pgb.tps)} tx/s` : 'n/a',
      ratio: pgb ? ratioRate(writes.tps, pgb.tps) : 'n/a',
      target: '≥ 50 % of pgbench',
      ok: pgb ? writes.tps >= 0.5 * pgb.tps : null,
    });
    rows.push({
      op: 'writes: edit → submit → approve cycle latency p50 / p95',
      app: `${fmtMs(writes.cycleP50)} / ${fmtMs(writes.cycleP95)}`,
      raw: pgb ? `${fmtMs(pgb.p50)} / ${fmtMs(pgb.p95)}` : 'n/a',
      ratio: pgb ? ratioTime(writes.cycleP95, pgb.p95) : 'n/a',
      target: '–',
      ok: null,
    });
    rows.push({
      op: `writes: lost updates (${fmtInt(writes.ok)} tx on ${fmtInt(writes.findings)} findings, ${fmtInt(writes.conflicts)} conflicts)`,
      app: String(writes.lost),
      raw: '–',
      ratio: '–',
      target: '0',
      ok: writes.lost === 0,
    });

    // 7. The table.
    const totalMs = performance.now() - started;
    results.totalMs = totalMs;
    const facts = [
      `machine: ${machine.cores} cores (${machine.cpu}), ${machine.ramGb} GB RAM; ${pgVersion} (jit=${ver!.jit}, shared_buffers=${ver!.sb}); Node ${machine.node}`,
      `date: ${machine.date}; N = ${fmtInt(fill.findings)} findings${fill.findings !== N ? ` (asked for ${fmtInt(N)})` : ''} (${fmtInt(approved)} approved, ${fmtInt(fill.revisions)} revisions, ${fmtInt(fill.reviews)} reviews, ${fmtInt(fill.auditEvents)} audit events; ${size!.s})`,
      `fill ${fmtDuration(fillMs)}${results.buildMs ? `, next build ${fmtDuration(results.buildMs as number)}` : ''}; whole run ${fmtDuration(totalMs)}` +
        `${results.buildMs ? ` (${fmtDuration(totalMs - (results.buildMs as number))} without the build)` : ''}`,
      `machine load average (1/5/15 min) when measuring began: ${loadAtStart.map((x) => x.toFixed(1)).join(' / ')}, at the end: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')} (other processes share these ${machine.cores} cores)`,
      `timings: median of ${RUNS} runs (app: query functions after 5 warm-up calls per scenario and 10 more before timing, HTTP after 5), ${RAW_RUNS} EXPLAIN ANALYZE executions (raw); exports: median of ${EXPORT_RUNS} full downloads; writes: ${WRITE_SECONDS} s`,
    ];
    console.log(
      `\n${renderTable(rows)}\n\n${facts.join('\n')}\n\ndetails:\n${details.map((d) => `- ${d}`).join('\n')}`,
    );
    if (fill.steps.length)
      console.log(`\nfill steps:\n${fill.steps.map((s) => `- ${s.step}: ${(s.ms / 1000).toFixed(1)} s`).join('\n')}`);
    if (typeof args.json === 'string')
      writeFileSync(args.json, JSON.stringify({ machine, pgVersion, rows, details, facts, results }, null, 2));
  } finally {
    if (server) await server.stop();
    if (raw) await raw.close();
    if (app) await app.close();
    if (admin && dbName) {
      if (KEEP || REUSE_DB) log(`\nkept database ${dbName} (${dbUrl})`);
      else {
        await admin.query(`drop database if exists ${dbName} with (force)`);
        log(`\ndropped database ${dbName}`);
      }
      await admin.close();
    }
    if (pgliteDir && !KEEP) rmSync(pgliteDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- exports

/**
 * One full download, read with node:http and counted with Buffer.indexOf (memchr): a lean client,
 * so the figure is the server's. (Read through fetch, a JSON download of a GB sometimes ran at a
 * quarter of the server's rate with the bench process itself at 130 % CPU.)
 */
function download(url: string, pid: number | null, timeoutS: number) {
  const rss = pid ? sampleRss(pid) : null;
  const t0 = performance.now();
  return new Promise<{
    status: number;
    ms: number;
    bytes: number;
    lines: number;
    firstLine: string;
    firstByteMs: number | null;
    mem: ReturnType<NonNullable<typeof rss>['stop']> | null;
    cut: boolean;
  }>((resolve, reject) => {
    let bytes = 0;
    let lines = 0;
    let firstLine = '';
    let firstByteMs: number | null = null;
    let status = 0;
    let cut = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({
        status,
        ms: performance.now() - t0,
        bytes,
        lines,
        firstLine,
        firstByteMs,
        mem: rss ? rss.stop() : null,
        cut,
      });
    };
    const req = http.get(url, (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (chunk: Buffer) => {
        if (status !== 200) return;
        firstByteMs ??= performance.now() - t0;
        if (!firstLine && bytes < 4096) firstLine = chunk.subarray(0, 2048).toString('utf8').split('\n')[0]!;
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      });
      res.on('end', finish);
      res.on('error', (e) => (cut ? finish() : reject(e)));
    });
    req.on('error', (e) => (cut ? finish() : reject(e)));
    // The deadline covers the whole download, the wait for the first byte included.
    const timer = setTimeout(() => {
      cut = true;
      if (status === 0) status = 200; // no answer before the deadline: counted as 0 rows
      req.destroy();
      finish();
    }, timeoutS * 1000);
  });
}

/** After a cut-off download the server may still be running its export query: cancel it so it does not skew what follows. */
async function cancelServerQueries(raw: Raw) {
  try {
    await raw.query(
      `select pg_cancel_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
         and application_name like 'ev-crosstalk-curator%' and state = 'active'`,
    );
  } catch {
    // PGlite: nothing to cancel
  }
}

async function measureExports(server: Server, raw: Raw, approved: number) {
  log(`\nexports: ${EXPORT_RUNS} full downloads per format …`);
  const pid = server.serverPid();
  const out: Record<string, unknown> = {};
  const probe = await download(
    `${server.url}/api/v1/export?format=csv&organ=UBERON:0002106&species=NCBITaxon:9940`,
    null,
    30,
  );
  if (probe.cut) await cancelServerQueries(raw);
  if (probe.status === 404) {
    rows.push({
      op: 'CSV export (all approved)',
      app: 'n/a: no /api/v1/export',
      raw: '',
      ratio: '',
      target: '≥ 50 % of COPY',
      ok: null,
    });
    return out;
  }
  const runsOf = async (format: string) => {
    const rs: {
      rate: number;
      growthMb: number;
      peakMb: number;
      hwmMb: number;
      baseMb: number;
      rows: number;
      mb: number;
      cut: boolean;
      s: number;
      firstByteMs: number | null;
    }[] = [];
    for (let i = 0; i < EXPORT_RUNS; i++) {
      const d = await download(`${server.url}/api/v1/export?format=${format}`, pid, EXPORT_TIMEOUT_S);
      if (d.status !== 200) throw new Error(`export ${format} → ${d.status}`);
      if (d.cut) await cancelServerQueries(raw);
      // CSV: header + one CRLF line per row; JSON: "[", one line per row, "]"; NDJSON: one line per row.
      const n = d.cut
        ? Math.max(0, d.lines - 1)
        : format === 'csv'
          ? d.lines - 1
          : format === 'json'
            ? d.lines - 2
            : d.lines;
      if (!d.cut && n !== approved) throw new Error(`export ${format}: ${n} rows, expected ${approved}`);
      if (format === 'csv' && d.bytes > 0 && d.firstLine.replace(/\r$/, '') !== EXPORT_COLUMN_NAMES.join(','))
        throw new Error(`export csv: unexpected header ${d.firstLine.slice(0, 200)}`);
      rs.push({
        rate: n / (d.ms / 1000),
        rows: n,
        mb: d.bytes / 2 ** 20,
        cut: d.cut,
        s: d.ms / 1000,
        firstByteMs: d.firstByteMs,
        ...d.mem!,
      });
      log(
        `  ${format} run ${i + 1}: ${fmtInt(n)} rows${d.cut ? ` of ${fmtInt(approved)} (cut off at ${EXPORT_TIMEOUT_S} s)` : ''}, ${(d.bytes / 2 ** 20).toFixed(0)} MB in ${fmtMs(d.ms)}` +
          ` (first byte ${d.firstByteMs === null ? 'never' : `after ${fmtMs(d.firstByteMs)}`}) → ` +
          `${fmtInt(n / (d.ms / 1000))} rows/s; server RSS ${d.mem!.baseMb.toFixed(0)} → peak ${d.mem!.peakMb.toFixed(0)} MB`,
      );
      // A cut-off download says what a full one would: no need to wait for it again.
      if (d.cut) break;
    }
    return rs;
  };
  const csv = await runsOf('csv');
  const json = await runsOf('json');
  const copyRuns: number[] = [];
  const copyJsonRuns: number[] = [];
  let copyMb = 0;
  for (let i = 0; i < EXPORT_RUNS; i++) {
    let c: Awaited<ReturnType<Raw['copyRows']>>;
    let j: Awaited<ReturnType<Raw['copyRows']>>;
    try {
      c = await raw.copyRows(`copy (${EXPORT_SELECT}) to stdout with (format csv, header)`);
      j = await raw.copyRows(`copy (select row_to_json(t) from (${EXPORT_SELECT}) t) to stdout`);
    } catch (e) {
      console.error('COPY failed:', e);
      break;
    }
    if (Number.isFinite(c.lines) && c.lines - 1 !== approved)
      throw new Error(`COPY csv: ${c.lines - 1} rows, expected ${approved}`);
    copyRuns.push(approved / (c.ms / 1000));
    copyMb = c.bytes / 2 ** 20;
    copyJsonRuns.push(approved / (j.ms / 1000));
    log(
      `  COPY run ${i + 1}: csv ${fmtInt(approved / (c.ms / 1000))} rows/s (${copyMb.toFixed(0)} MB), json ${fmtInt(approved / (j.ms / 1000))} rows/s`,
    );
  }
  const csvRate = median(csv.map((r) => r.rate));
  const jsonRate = median(json.map((r) => r.rate));
  const growth = Math.max(...csv.map((r) => r.growthMb));
  const copyRate = median(copyRuns);
  const copyJsonRate = median(copyJsonRuns);
  const cutNote = (rs: typeof csv) =>
    rs.some((r) => r.cut)
      ? ` (cut off after ${EXPORT_TIMEOUT_S} s: ${fmtInt(rs[0]!.rows)} of ${fmtInt(approved)} rows${rs[0]!.firstByteMs === null ? ', no first byte' : ''})`
      : '';
  rows.push({
    op: `CSV export, ${fmtInt(approved)} approved rows — rows/s${cutNote(csv)}`,
    app: `${fmtInt(csvRate)} rows/s`,
    raw: Number.isFinite(copyRate) ? `${fmtInt(copyRate)} rows/s (COPY)` : 'n/a',
    ratio: ratioRate(csvRate, copyRate),
    target: '≥ 50 % of COPY',
    ok: Number.isFinite(copyRate) ? csvRate >= 0.5 * copyRate : null,
  });
  const streamed = csv.some((r) => r.rows > 0);
  rows.push({
    op: `CSV export — server RSS growth (peak)${streamed ? '' : ', nothing streamed'}`,
    app: `+${growth.toFixed(0)} MB (peak ${Math.max(...csv.map((r) => r.peakMb)).toFixed(0)} MB)`,
    raw: '–',
    ratio: '–',
    target: '< 150 MB',
    // Memory says nothing about streaming when no row came out.
    ok: streamed ? growth < 150 : null,
  });
  rows.push({
    op: `JSON export — rows/s${cutNote(json)}`,
    app: `${fmtInt(jsonRate)} rows/s`,
    raw: Number.isFinite(copyJsonRate) ? `${fmtInt(copyJsonRate)} rows/s (COPY row_to_json)` : 'n/a',
    ratio: ratioRate(jsonRate, copyJsonRate),
    target: '≥ 180k rows/s',
    ok: jsonRate >= 180_000,
  });
  details.push(
    `exports: CSV ${csv.map((r) => fmtInt(r.rate)).join(', ')} rows/s (${csv[0]!.mb.toFixed(0)} MB each), JSON ${json.map((r) => fmtInt(r.rate)).join(', ')} rows/s; ` +
      `server RSS before/peak/VmHWM per CSV run: ${csv.map((r) => `${r.baseMb.toFixed(0)}/${r.peakMb.toFixed(0)}/${r.hwmMb.toFixed(0)} MB`).join(', ')}; ` +
      `JSON peak ${Math.max(...json.map((r) => r.peakMb)).toFixed(0)} MB; COPY csv ${copyRuns.map(fmtInt).join(', ')} rows/s (${copyMb.toFixed(0)} MB)`,
  );
  out.csv = csv;
  out.json = json;
  out.copy = copyRuns;
  out.copyJson = copyJsonRuns;
  return out;
}

// ---------------------------------------------------------------- writes

async function measureWrites(app: DbHandle, fill: FillReport) {
  const perClient = 4000;
  log(
    `\nwrites: ${CLIENTS} clients × (saveDraft + submitFinding by a curator, decide(approve) by a reviewer) for ${WRITE_SECONDS} s …`,
  );
  const frac = Math.min(1, (1.2 * CLIENTS * perClient) / Math.max(1, fill.approved));
  const pool = await app.query<{ id: number }>(
    `select id from findings where status = 'approved' and random() < ${frac} limit ${CLIENTS * perClient}`,
  );
  // Shuffle, then split: clients work on disjoint findings (a collision would be a legitimate conflict, counted below).
  const ids = pool.map((r) => r.id);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const before = new Map<number, { lock: number; revs: number }>();
  for (const r of await app.query<{ id: number; lock: number; revs: string }>(
    `select f.id, f.lock_version as lock, (select count(*) from finding_revisions r where r.finding_id = f.id) as revs from findings f where f.id = any($1::int[])`,
    [ids],
  ))
    before.set(r.id, { lock: r.lock, revs: Number(r.revs) });
  const [a0] = await app.query<{ m: string | null }>(`select max(id) as m from audit_events`);
  const auditBefore = Number(a0!.m ?? 0);

  type Touch = { tx: number; created: number; revisionIds: number[]; lastApproved: number | null };
  const touched = new Map<number, Touch>();
  const lat: number[] = [];
  /** Edit → submit → approve, start of saveDraft to end of decide (what one pgbench script run is). */
  const cycleLat: number[] = [];
  const latByKind: Record<string, number[]> = { saveDraft: [], submitFinding: [], decide: [] };
  let conflicts = 0;
  const conflictKinds: Record<string, number> = {};
  let otherErrors = 0;
  const deadline = performance.now() + WRITE_SECONDS * 1000;
  const t0 = performance.now();
  const timed = async <T>(kind: string, fn: () => Promise<T>): Promise<T> => {
    const s = performance.now();
    const r = await fn();
    const ms = performance.now() - s;
    lat.push(ms);
    latByKind[kind]!.push(ms);
    return r;
  };

  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const curator: Actor = { id: fill.curators[c % fill.curators.length]!.id, role: 'curator' };
      const reviewer: Actor = { id: fill.reviewers[c % fill.reviewers.length]!.id, role: 'reviewer' };
      const mine = ids.filter((_, i) => i % CLIENTS === c);
      let k = 0;
      while (performance.now() < deadline && k < mine.length) {
        const id = mine[k++]!;
        const t: Touch = touched.get(id) ?? { tx: 0, created: 0, revisionIds: [], lastApproved: null };
        touched.set(id, t);
        try {
          const [row] = await app.db
            .select({ lock: findings.lockVersion, rev: findingRevisions })
            .from(findings)
            .innerJoin(findingRevisions, eq(findingRevisions.id, findings.latestRevisionId))
            .where(eq(findings.id, id));
          const content = {
            ...revisionToContent(row!.rev),
            result: `${row!.rev.result.replace(/ \(bench edit \d+\)$/, '')} (bench edit ${c}-${k})`,
          };
          const cycleStart = performance.now();
          const saved = await timed('saveDraft', () =>
            saveDraft(app.db, curator, { findingId: id, lockVersion: row!.lock, content, changeSummary: 'Bench edit' }),
          );
          t.tx++;
          if (saved.created) {
            t.created++;
            t.revisionIds.push(saved.revisionId);
          }
          const sub = await timed('submitFinding', () =>
            submitFinding(app.db, curator, { findingId: id, lockVersion: saved.lockVersion }),
          );
          t.tx++;
          await timed('decide', () =>
            decide(app.db, reviewer, {
              findingId: id,
              revisionNo: sub.revisionNo,
              lockVersion: sub.lockVersion,
              decision: 'approve',
              comment: '',
            }),
          );
          t.tx++;
          cycleLat.push(performance.now() - cycleStart);
          t.lastApproved = saved.revisionId;
        } catch (e) {
          if (e instanceof DomainError && e.kind === 'conflict') {
            conflicts++;
            // 'finding': a stale lock version or someone else's draft; 'duplicate': submit refused as identical to another finding.
            conflictKinds[e.entity] = (conflictKinds[e.entity] ?? 0) + 1;
          } else {
            otherErrors++;
            if (otherErrors <= 3) console.error('write error:', e);
          }
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const okTx = lat.length;

  // Verify: every successful transaction bumped the lock version exactly once, every revision is there, the audit log agrees.
  const touchedIds = [...touched.keys()];
  const after = await app.query<{
    id: number;
    lock: number;
    revs: string;
    starts: string;
    approved: number | null;
    latest: number;
  }>(
    `select f.id, f.lock_version as lock, f.approved_revision_id as approved, f.latest_revision_id as latest,
       (select count(*) from finding_revisions r where r.finding_id = f.id) as revs,
       (select count(*) from audit_events e where e.entity = 'finding' and e.entity_id = f.id::text and e.action = 'finding.revision_start' and e.id > $2) as starts
     from findings f where f.id = any($1::int[])`,
    [touchedIds, auditBefore],
  );
  const allRevs = touchedIds.flatMap((id) => touched.get(id)!.revisionIds);
  const [present] = await app.query<{ n: string }>(
    `select count(*) as n from finding_revisions where id = any($1::int[])`,
    [allRevs],
  );
  let lost = 0;
  const problems: string[] = [];
  for (const a of after) {
    const b = before.get(a.id)!;
    const t = touched.get(a.id)!;
    const bad: string[] = [];
    if (a.lock - b.lock !== t.tx) bad.push(`lock_version +${a.lock - b.lock} for ${t.tx} tx`);
    if (Number(a.revs) - b.revs !== t.created)
      bad.push(`revisions +${Number(a.revs) - b.revs} for ${t.created} created`);
    if (Number(a.starts) !== t.created) bad.push(`${a.starts} revision_start events for ${t.created}`);
    if (t.lastApproved !== null && a.approved !== t.lastApproved)
      bad.push(`approved revision ${a.approved}, expected ${t.lastApproved}`);
    if (bad.length) {
      lost++;
      if (problems.length < 5) problems.push(`finding ${a.id}: ${bad.join(', ')}`);
    }
  }
  if (Number(present!.n) !== allRevs.length) {
    lost += allRevs.length - Number(present!.n);
    problems.push(`${allRevs.length - Number(present!.n)} created revisions missing`);
  }
  const res = {
    seconds: elapsed,
    ok: okTx,
    tps: okTx / elapsed,
    p50: median(lat),
    p95: p(lat, 0.95),
    cycleP50: median(cycleLat),
    cycleP95: p(cycleLat, 0.95),
    byKind: Object.fromEntries(
      Object.entries(latByKind).map(([k, v]) => [k, { n: v.length, p50: median(v), p95: p(v, 0.95) }]),
    ),
    findings: touchedIds.length,
    cycles: touchedIds.reduce((n, id) => n + (touched.get(id)!.lastApproved !== null ? 1 : 0), 0),
    conflicts,
    conflictKinds,
    otherErrors,
    lost,
    problems,
  };
  log(
    `  ${fmtInt(okTx)} transactions in ${elapsed.toFixed(1)} s → ${fmtInt(res.tps)} tx/s (${fmtInt(res.cycles)} edit→approve cycles); p50 ${fmtMs(res.p50)}, p95 ${fmtMs(res.p95)}; ` +
      `${conflicts} conflicts ${JSON.stringify(conflictKinds)}, ${otherErrors} other errors; verification: ${lost} lost updates${problems.length ? ` — ${problems.join('; ')}` : ''}`,
  );
  details.push(
    `writes: ${Object.entries(res.byKind)
      .map(([k, v]) => `${k} ${fmtInt(v.n)} tx, p50 ${fmtMs(v.p50)}, p95 ${fmtMs(v.p95)}`)
      .join('; ')}; ${fmtInt(res.cycles)} complete edit→submit→approve cycles on ${fmtInt(res.findings)} findings; ` +
      `verified per finding: lock_version increments = successful tx, revision count and revision_start audit events = revisions created, approved revision = the last edit`,
  );
  if (otherErrors) throw new Error(`${otherErrors} write transactions failed with unexpected errors`);
  return res;
}

// ---------------------------------------------------------------- pgbench

/**
 * The raw equivalent of one edit → submit → approve cycle, as the app's three domain functions
 * run it (saveDraft, submitFinding, decide): the same three transactions, the same statements,
 * minus the checks the app makes in Node. pgbench counts a run of the script as one
 * "transaction"; the table reports 3 × that as tx/s, like the app's count.
 */
const PGBENCH_CYCLE = `
\\set fid random(1, :maxid)
\\set reviewer :reviewer0 + :client_id
BEGIN;
SELECT * FROM findings WHERE id = :fid FOR UPDATE;
INSERT INTO finding_revisions (finding_id, revision_no, based_on_revision_id, author_id, change_summary, target_organ, target_organ_label,
  origin, origin_label, direction, species, species_label, ev_source, cargo, recipient_cell, model_disease, result, study_type,
  effect_direction, mechanism, ev_type, separation_methods, particle_analysis, em_methods, markers_positive, markers_negative,
  evidence_quote, evidence_location, curator_note)
SELECT finding_id, revision_no + 1, id, :author, 'pgbench edit', target_organ, target_organ_label, origin, origin_label, direction, species,
  species_label, ev_source, cargo, recipient_cell, model_disease, result || ' (pgbench edit)', study_type, effect_direction, mechanism, ev_type,
  separation_methods, particle_analysis, em_methods, markers_positive, markers_negative, evidence_quote, evidence_location, curator_note
FROM finding_revisions WHERE id = (SELECT latest_revision_id FROM findings WHERE id = :fid)
RETURNING id AS rid \\gset
INSERT INTO audit_events (actor_id, action, entity, entity_id, detail) VALUES (:author, 'finding.revision_start', 'finding', :fid, '{"pgbench": true}');
UPDATE findings SET latest_revision_id = :rid, status = 'draft', lock_version = lock_version + 1, updated_at = now() WHERE id = :fid;
END;
BEGIN;
SELECT * FROM findings WHERE id = :fid FOR UPDATE;
SELECT * FROM finding_revisions WHERE id = :rid;
SELECT f.public_id, r.target_organ, r.recipient_cell, r.cargo FROM findings f
  JOIN finding_revisions r ON (r.id = f.approved_revision_id OR (r.id = f.latest_revision_id AND f.status = 'submitted'))
  WHERE f.source_id = (SELECT source_id FROM findings WHERE id = :fid) AND f.status <> 'rejected' AND f.id <> :fid AND r.submitted_at IS NOT NULL;
UPDATE finding_revisions SET submitted_at = now(), updated_at = now() WHERE id = :rid AND submitted_at IS NULL;
UPDATE findings SET status = 'submitted', lock_version = lock_version + 1, updated_at = now() WHERE id = :fid;
INSERT INTO audit_events (actor_id, action, entity, entity_id, detail) VALUES (:author, 'finding.submit', 'finding', :fid, '{"pgbench": true}');
END;
BEGIN;
SELECT * FROM findings WHERE id = :fid FOR UPDATE;
SELECT * FROM finding_revisions WHERE id = :rid;
SELECT reviewer_id, decision FROM reviews WHERE revision_id = :rid;
SELECT key, value FROM settings;
INSERT INTO reviews (revision_id, reviewer_id, decision, comment) VALUES (:rid, :reviewer, 'approve', '') ON CONFLICT DO NOTHING;
UPDATE findings SET status = 'approved', approved_revision_id = :rid, approved_at = now(), lock_version = lock_version + 1, updated_at = now() WHERE id = :fid;
INSERT INTO audit_events (actor_id, action, entity, entity_id, detail) VALUES
  (:reviewer, 'review.approve', 'finding', :fid, '{"pgbench": true}'), (:reviewer, 'finding.approved', 'finding', :fid, '{"pgbench": true}');
${new PgDialect({ casing: 'snake_case' }).sqlToQuery(listingRefresh(sql.raw(':fid'))).sql.trim()};
END;
`;

function runPgbench(url: string, maxId: number, author: number, reviewer0: number) {
  const which = spawnSync('sh', ['-c', 'command -v pgbench']);
  if (which.status !== 0) {
    log('pgbench not found (apt-get install -y postgresql-contrib); skipping');
    return null;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evx-pgbench-'));
  try {
    const script = path.join(dir, 'cycle.sql');
    writeFileSync(script, PGBENCH_CYCLE);
    const u = new URL(url);
    const env = {
      ...process.env,
      PGHOST: u.hostname,
      PGPORT: u.port || '5432',
      PGUSER: decodeURIComponent(u.username || 'postgres'),
      PGPASSWORD: decodeURIComponent(u.password),
      PGDATABASE: u.pathname.slice(1),
    };
    log(
      `\npgbench -n -c ${CLIENTS} -j 2 -T ${WRITE_SECONDS} -f cycle.sql (the app's edit, submit and approve transactions as plain SQL) …`,
    );
    const r = spawnSync(
      'pgbench',
      [
        '-n',
        '-c',
        String(CLIENTS),
        '-j',
        '2',
        '-T',
        String(WRITE_SECONDS),
        '-f',
        script,
        '-D',
        `maxid=${maxId}`,
        '-D',
        `author=${author}`,
        '-D',
        `reviewer0=${reviewer0}`,
        '-l',
        '--log-prefix',
        path.join(dir, 'pgb'),
      ],
      { env, encoding: 'utf8', cwd: dir },
    );
    if (r.status !== 0) throw new Error(`pgbench failed: ${r.stderr}\n${r.stdout}`);
    // One run of the script is three transactions.
    const tps = 3 * Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout)?.[1] ?? NaN);
    const lat: number[] = [];
    for (const f of readdirSync(dir).filter((x) => x.startsWith('pgb'))) {
      for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
        const parts = line.split(' ');
        if (parts.length >= 3) lat.push(Number(parts[2]) / 1000);
      }
    }
    const res = { tps, p50: median(lat), p95: p(lat, 0.95), n: lat.length };
    log(`  ${fmtInt(tps)} tx/s; cycle p50 ${fmtMs(res.p50)}, p95 ${fmtMs(res.p95)} (${fmtInt(res.n)} cycles)`);
    return res;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
