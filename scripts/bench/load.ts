/**
 * `npm run bench:load` — the browse API under load: autocannon with 32 connections for 30 s
 * against `next start` on 127.0.0.1, each request a different organ filter
 * (GET /api/v1/findings?organ=…). Prints throughput, p50/p95/p99 and the non-2xx count
 * (which must be 0; the script exits 1 otherwise).
 *
 * The database: a fresh one on the server at DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), migrated and filled set-based with
 * --findings findings (default 20,000; scripts/bench/fill.ts), dropped at the end; or
 * --db NAME (an existing filled database, e.g. one kept by `npm run bench -- --keep`);
 * or --pglite (an embedded database in a temporary folder).
 *
 * Several processes (server only): --processes 2 starts two `next start` on the one database behind a
 * round-robin proxy (scripts/multiprocess/proxy.ts, a process of its own, as nginx would be); --compare runs
 * once with one process and once with --processes (default 2), both behind the proxy, and prints them side
 * by side. The load generator, the proxy and the servers share this machine's cores: the numbers say what
 * one machine gives, not what N machines would.
 *
 * Flags: --connections 32 --duration 30 (seconds, at most 300) --findings 20000 --db NAME --pglite
 *        --pool N (each server's DATABASE_POOL_MAX) --dist-dir .next-bench --rebuild --processes N --compare
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDb, type DbHandle } from '../../db/client';
import { runMigrations } from '../../db/migrate-lib';
import { loadVocabularies } from '../../db/vocab-load';
import { ORGANS } from '../../lib/vocab';
import { type LoadOptions, parseLoadOptions } from './args';
import { fillDatabase } from './fill';
import { sampleRss } from './proc';
import { startCluster } from '../multiprocess/cluster';
import { ensureBuild, startServer } from './server';
import { fmtInt, fmtMs, median, quantile } from './util';

const log = (s: string) => console.log(s);

/** Where the load goes: one server, or the proxy in front of several. */
type Target = { url: string; label: string; pids: number[]; stop: () => Promise<void> };

/** What the end of the run releases: the servers, the database on the server (dropped unless reused), the PGlite folder. */
type LoadResources = {
  admin: DbHandle | null;
  dbName: string | null;
  dbUrl: string;
  pgliteDir: string | null;
  target: Target | null;
};

async function prepareDatabase(opts: LoadOptions, res: LoadResources) {
  if (opts.pglite) {
    res.pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'evx-load-pglite-'));
    const h = await createDb({ url: '', dataDir: res.pgliteDir });
    await runMigrations(h);
    await loadVocabularies(h.db);
    await fillDatabase(h, { findings: opts.findings, log: () => {} });
    await h.close();
    return;
  }
  const admin = (res.admin = await createDb({ url: opts.baseUrl, max: 1 }));
  const dbName = (res.dbName = opts.reuseDb ?? `evx_load_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`);
  const u = new URL(opts.baseUrl);
  u.pathname = `/${dbName}`;
  res.dbUrl = u.toString();
  if (opts.reuseDb) return;
  await admin.query(`create database ${dbName}`);
  await admin.query(`alter database ${dbName} set jit = off`);
  const h = await createDb({ url: res.dbUrl, max: 4 });
  await runMigrations(h);
  // The fill draws its terms from the vocabularies (organ hierarchy included).
  await loadVocabularies(h.db);
  log(`filling ${dbName} with ${fmtInt(opts.findings)} findings …`);
  await fillDatabase(h, { findings: opts.findings, log: () => {} });
  await h.close();
  await admin.query(`alter database ${dbName} reset all`);
}

async function startTarget(opts: LoadOptions, res: LoadResources, processes: number): Promise<Target> {
  const viaProxy = opts.compare || processes > 1;
  if (!viaProxy) {
    const server = await startServer({
      databaseUrl: res.dbUrl,
      distDir: opts.distDir,
      poolMax: opts.pool,
      parentEnv: opts.env,
      env: opts.pglite ? { DATABASE_URL: '', PGLITE_DATA_DIR: res.pgliteDir! } : {},
    });
    return { url: server.url, label: '1 process', pids: [server.serverPid()], stop: server.stop };
  }
  const cluster = await startCluster({
    databaseUrl: res.dbUrl,
    distDir: opts.distDir,
    processes,
    parentEnv: opts.env,
    poolMax: opts.pool,
    proxyAsChild: true,
  });
  return {
    url: cluster.url,
    label: `${processes} process${processes > 1 ? 'es' : ''} + proxy`,
    pids: cluster.servers.map((s) => s.serverPid()),
    stop: cluster.stop,
  };
}

async function hammer(opts: LoadOptions, target: Target) {
  log(
    `autocannon (${target.label}): ${opts.connections} connections for ${opts.duration} s → ${target.url}/api/v1/findings?organ=… (${ORGANS.length} organs in turn)`,
  );
  const latencies: number[] = [];
  const codes = new Map<number, number>();
  let i = 0;
  const rss = target.pids.map((pid) => sampleRss(pid, 100));
  const instance = autocannon({
    url: target.url,
    connections: opts.connections,
    duration: opts.duration,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/findings?organ=${encodeURIComponent(ORGANS[i++ % ORGANS.length]!.id)}`,
        }),
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    codes.set(status, (codes.get(status) ?? 0) + 1);
  });
  const result = await instance;
  return { label: target.label, result, latencies, codes, mem: rss.map((r) => r.stop()) };
}

type Run = Awaited<ReturnType<typeof hammer>>;

const failures = (r: Run) => r.result.non2xx + r.result.errors + r.result.timeouts;

/** Prints the table, one column per run. */
function report(opts: LoadOptions, res: LoadResources, runs: Run[]): void {
  const rows: [string, (r: Run) => string][] = [
    ['requests (2xx / all)', (r) => `${fmtInt(r.result['2xx'])} / ${fmtInt(r.latencies.length)}`],
    ['throughput', (r) => `${fmtInt(r.latencies.length / r.result.duration)} req/s`],
    ['latency p50', (r) => fmtMs(median(r.latencies))],
    ['latency p95', (r) => fmtMs(quantile(r.latencies, 0.95))],
    ['latency p99', (r) => fmtMs(quantile(r.latencies, 0.99))],
    ['latency max', (r) => fmtMs(Math.max(...r.latencies))],
    [
      'non-2xx + errors + timeouts',
      (r) =>
        `${failures(r)} (${[...r.codes].map(([c, n]) => `${c}: ${fmtInt(n)}`).join(', ')}; errors ${r.result.errors}, timeouts ${r.result.timeouts})`,
    ],
    ['server RSS (each)', (r) => r.mem.map((m) => `${m.baseMb.toFixed(0)} → ${m.peakMb.toFixed(0)} MB`).join('; ')],
  ];
  const table = [['metric', ...runs.map((r) => r.label)], ...rows.map(([name, f]) => [name, ...runs.map(f)])];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  log(`\n${line(table[0]!)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of table.slice(1)) log(line(row));
  log(
    `\n${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; ` +
      `${opts.pglite ? 'PGlite' : `PostgreSQL database ${res.dbName}`}; pool ${opts.pool ?? 'default'} per process; ${new Date().toISOString()}`,
  );
}

async function release(opts: LoadOptions, res: LoadResources) {
  if (res.target) await res.target.stop();
  if (res.admin && res.dbName) {
    if (!opts.reuseDb) await res.admin.query(`drop database if exists ${res.dbName} with (force)`);
    await res.admin.close();
  }
  if (res.pgliteDir) rmSync(res.pgliteDir, { recursive: true, force: true });
}

function validate(opts: LoadOptions) {
  if (!Number.isFinite(opts.duration) || opts.duration <= 0)
    throw new Error('--duration must be a positive number of seconds');
  if (!Number.isInteger(opts.processes) || opts.processes < 1 || opts.processes > 8)
    throw new Error('--processes must be a whole number from 1 to 8');
  if (opts.pglite && (opts.processes > 1 || opts.compare))
    throw new Error('PGlite is one process: --processes and --compare need the PostgreSQL server');
  if (opts.compare && opts.processes < 2) throw new Error('--compare needs --processes 2 or more');
}

async function main(opts: LoadOptions) {
  validate(opts);
  const res: LoadResources = { admin: null, dbName: null, dbUrl: '', pgliteDir: null, target: null };
  const runs: Run[] = [];
  try {
    await prepareDatabase(opts, res);
    ensureBuild(opts.distDir, { env: opts.env, rebuild: opts.rebuild, log });
    for (const processes of opts.compare ? [1, opts.processes] : [opts.processes]) {
      const target = (res.target = await startTarget(opts, res, processes));
      if (new URL(target.url).hostname !== '127.0.0.1') throw new Error('load tests only target 127.0.0.1');
      // Warm every process's route (first requests compile and connect): each organ once per process.
      for (let k = 0; k < target.pids.length; k++)
        for (const o of ORGANS)
          await (await fetch(`${target.url}/api/v1/findings?organ=${encodeURIComponent(o.id)}`)).arrayBuffer();
      runs.push(await hammer(opts, target));
      await target.stop();
      res.target = null;
    }
    report(opts, res, runs);
  } finally {
    await release(opts, res);
  }
  const bad = runs.filter((r) => failures(r) > 0);
  for (const r of bad) console.error(`\nFAIL (${r.label}): ${failures(r)} requests were not answered 2xx`);
  if (bad.length) process.exit(1);
}

main(parseLoadOptions(process.argv.slice(2))).catch((e) => {
  console.error(e);
  process.exit(1);
});
