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
 * Flags: --connections 32 --duration 30 (seconds, at most 300) --findings 20000 --db NAME --pglite
 *        --pool N (the server's DATABASE_POOL_MAX) --dist-dir .next-bench --rebuild
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDb, type DbHandle } from '../../db/client';
import { runMigrations } from '../../db/migrate-lib';
import { ORGANS } from '../../lib/vocab';
import { type LoadOptions, parseLoadOptions } from './args';
import { fillDatabase } from './fill';
import { sampleRss } from './proc';
import { ensureBuild, type Server, startServer } from './server';
import { fmtInt, fmtMs, median, quantile } from './util';

const log = (s: string) => console.log(s);

/** What the end of the run releases: the server, the database on the server (dropped unless reused), the PGlite folder. */
type LoadResources = {
  admin: DbHandle | null;
  dbName: string | null;
  dbUrl: string;
  pgliteDir: string | null;
  server: Server | null;
};

async function prepareDatabase(opts: LoadOptions, res: LoadResources) {
  if (opts.pglite) {
    res.pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'evx-load-pglite-'));
    const h = await createDb({ url: '', dataDir: res.pgliteDir });
    await runMigrations(h);
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
  log(`filling ${dbName} with ${fmtInt(opts.findings)} findings …`);
  await fillDatabase(h, { findings: opts.findings, log: () => {} });
  await h.close();
  await admin.query(`alter database ${dbName} reset all`);
}

async function hammer(opts: LoadOptions, server: Server) {
  log(
    `autocannon: ${opts.connections} connections for ${opts.duration} s → ${server.url}/api/v1/findings?organ=… (${ORGANS.length} organs in turn)`,
  );
  const latencies: number[] = [];
  const codes = new Map<number, number>();
  let i = 0;
  const rss = sampleRss(server.serverPid(), 100);
  const instance = autocannon({
    url: server.url,
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
  return { result, latencies, codes, mem: rss.stop() };
}

/** Prints the table; the number of requests not answered 2xx. */
function report(opts: LoadOptions, res: LoadResources, run: Awaited<ReturnType<typeof hammer>>): number {
  const { result, latencies, codes, mem } = run;
  const non2xx = result.non2xx + result.errors + result.timeouts;
  const total = latencies.length;
  const table = [
    ['metric', 'value'],
    ['requests (2xx / all)', `${fmtInt(result['2xx'])} / ${fmtInt(total)}`],
    ['throughput', `${fmtInt(total / result.duration)} req/s`],
    ['latency p50', fmtMs(median(latencies))],
    ['latency p95', fmtMs(quantile(latencies, 0.95))],
    ['latency p99', fmtMs(quantile(latencies, 0.99))],
    ['latency max', fmtMs(Math.max(...latencies))],
    [
      'non-2xx + errors + timeouts',
      `${non2xx} (${[...codes].map(([c, n]) => `${c}: ${fmtInt(n)}`).join(', ')}; errors ${result.errors}, timeouts ${result.timeouts})`,
    ],
    ['server RSS', `${mem.baseMb.toFixed(0)} → peak ${mem.peakMb.toFixed(0)} MB`],
  ];
  const w = Math.max(...table.map((r) => r[0]!.length));
  const w2 = Math.max(...table.map((r) => r[1]!.length));
  log(`\n| ${'metric'.padEnd(w)} | ${'value'.padEnd(w2)} |\n|${'-'.repeat(w + 2)}|${'-'.repeat(w2 + 2)}|`);
  for (const r of table.slice(1)) log(`| ${r[0]!.padEnd(w)} | ${r[1]!.padEnd(w2)} |`);
  log(
    `\n${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; ` + `${opts.pglite ? 'PGlite' : `PostgreSQL database ${res.dbName}`}; ${new Date().toISOString()}`,
  );
  return non2xx;
}

async function release(opts: LoadOptions, res: LoadResources) {
  if (res.server) await res.server.stop();
  if (res.admin && res.dbName) {
    if (!opts.reuseDb) await res.admin.query(`drop database if exists ${res.dbName} with (force)`);
    await res.admin.close();
  }
  if (res.pgliteDir) rmSync(res.pgliteDir, { recursive: true, force: true });
}

async function main(opts: LoadOptions) {
  if (!Number.isFinite(opts.duration) || opts.duration <= 0)
    throw new Error('--duration must be a positive number of seconds');
  const res: LoadResources = { admin: null, dbName: null, dbUrl: '', pgliteDir: null, server: null };
  let failed = false;
  try {
    await prepareDatabase(opts, res);
    ensureBuild(opts.distDir, { env: opts.env, rebuild: opts.rebuild, log });
    const server = (res.server = await startServer({
      databaseUrl: res.dbUrl,
      distDir: opts.distDir,
      poolMax: opts.pool,
      parentEnv: opts.env,
      env: opts.pglite ? { DATABASE_URL: '', PGLITE_DATA_DIR: res.pgliteDir! } : {},
    }));
    if (new URL(server.url).hostname !== '127.0.0.1') throw new Error('load tests only target 127.0.0.1');
    // Warm the route (first requests compile and connect).
    for (const o of ORGANS)
      await (await fetch(`${server.url}/api/v1/findings?organ=${encodeURIComponent(o.id)}`)).arrayBuffer();
    const non2xx = report(opts, res, await hammer(opts, server));
    if (non2xx > 0) {
      failed = true;
      console.error(`\nFAIL: ${non2xx} requests were not answered 2xx`);
    }
  } finally {
    await release(opts, res);
  }
  if (failed) process.exit(1);
}

main(parseLoadOptions(process.argv.slice(2))).catch((e) => {
  console.error(e);
  process.exit(1);
});
