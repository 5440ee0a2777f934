/**
 * The raw PostgreSQL side of the comparison: EXPLAIN ANALYZE of a statement, COPY … TO STDOUT, plain
 * queries; and the SQL drizzle sends for an app call, to time the app's own statements in PostgreSQL.
 */
import { spawn, spawnSync } from 'node:child_process';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db, DbHandle } from '../../db/client';
import * as schema from '../../db/schema';
import { median } from './util';

export type CopyResult = { bytes: number; lines: number; ms: number };
export type Raw = {
  /** EXPLAIN (ANALYZE, FORMAT JSON): execution and planning time in ms, and the plan. */
  explain: (sql: string, params?: unknown[]) => Promise<{ exec: number; plan: number; tree: PlanNode }>;
  copyRows: (sql: string) => Promise<CopyResult>;
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
type RunSql = (s: string, p: unknown[]) => Promise<Record<string, unknown>[]>;

async function explainWith(run: RunSql, sql: string, params: unknown[] = []) {
  const res = await run(`explain (analyze, format json) ${sql}`, params);
  const v = res[0]!['QUERY PLAN'];
  const j = (typeof v === 'string' ? JSON.parse(v) : v) as {
    'Execution Time': number;
    'Planning Time': number;
    Plan: PlanNode;
  }[];
  return { exec: j[0]!['Execution Time'], plan: j[0]!['Planning Time'], tree: j[0]!.Plan };
}

/** `url` null (PGlite): everything goes through the app's own handle, and there is no COPY. */
export function rawFor(h: DbHandle, url: string | null, env: NodeJS.ProcessEnv): Raw {
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
      if (spawnSync('sh', ['-c', 'command -v psql']).status === 0) return psqlCopy(url, copySql, env);
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

function psqlCopy(url: string, copySql: string, env: NodeJS.ProcessEnv, timeoutS = 300): Promise<CopyResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // jit off, as the app's connections run (db/client.ts): the same settings on both sides.
    const child = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', copySql], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, PGOPTIONS: '-c jit=off' },
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

/**
 * A statement in PostgreSQL alone, `runs` times under EXPLAIN ANALYZE after one warm-up: `ms` is the
 * median of planning + execution per run (what a client's statement costs the server; the raw column
 * of the table), `exec` and `planning` the medians of each part.
 */
export async function rawTimes(raw: Raw, sql: string, params: unknown[], runs: number) {
  const total: number[] = [];
  const exec: number[] = [];
  const planning: number[] = [];
  let tree: PlanNode | null = null;
  await raw.explain(sql, params); // warm
  for (let i = 0; i < runs; i++) {
    const r = await raw.explain(sql, params);
    total.push(r.exec + r.plan);
    exec.push(r.exec);
    planning.push(r.plan);
    tree = r.tree;
  }
  return { ms: median(total), exec: median(exec), planning: median(planning), plan: tree ? planSummary(tree) : '' };
}

/**
 * What planning a statement costs the server (EXPLAIN with SUMMARY: planned, not run), the median of
 * `runs` after one warm-up: the raw side of a planner's row estimate.
 */
export async function planningTimes(raw: Raw, sql: string, params: unknown[], runs: number) {
  const once = async () => {
    const [row] = await raw.query(`explain (summary, format json) ${sql}`, params);
    const v = row!['QUERY PLAN'];
    const j = (typeof v === 'string' ? JSON.parse(v) : v) as { 'Planning Time': number }[];
    return j[0]!['Planning Time'];
  };
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return { ms: median(times) };
}

/** The SQL drizzle sends for one call of `fn`, captured with a logger on a second drizzle instance over the raw client. */
export async function captureSql(
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

/** After a cut-off download the server may still be running its export query: cancel it so it does not skew what follows. */
export async function cancelServerQueries(raw: Raw) {
  try {
    await raw.query(
      `select pg_cancel_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
         and application_name like 'ev-crosstalk-curator%' and state = 'active'`,
    );
  } catch {
    // PGlite: nothing to cancel
  }
}
