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
import { fillDatabase } from './fill';
import { ensureBuild, fmtInt, fmtMs, median, parseArgs, quantile, sampleRss, startServer, type Server } from './util';

const args = parseArgs(process.argv.slice(2));
const CONNECTIONS = Number(args.connections ?? 32);
const DURATION = Math.min(300, Number(args.duration ?? 30));
const FINDINGS = Number(args.findings ?? 20_000);
const PGLITE = Boolean(args.pglite);
const REUSE_DB = typeof args.db === 'string' ? args.db : null;
const DIST_DIR = String(args['dist-dir'] ?? '.next-bench');
const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (s: string) => console.log(s);

async function main() {
  if (!Number.isFinite(DURATION) || DURATION <= 0) throw new Error('--duration must be a positive number of seconds');
  let admin: DbHandle | null = null;
  let dbName: string | null = null;
  let dbUrl = '';
  let pgliteDir: string | null = null;
  let server: Server | null = null;
  let failed = false;
  try {
    if (PGLITE) {
      pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'evx-load-pglite-'));
      const h = await createDb({ url: '', dataDir: pgliteDir });
      await runMigrations(h);
      await fillDatabase(h, { findings: FINDINGS, log: () => {} });
      await h.close();
    } else {
      admin = await createDb({ url: BASE_URL, max: 1 });
      dbName = REUSE_DB ?? `evx_load_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
      const u = new URL(BASE_URL);
      u.pathname = `/${dbName}`;
      dbUrl = u.toString();
      if (!REUSE_DB) {
        await admin.query(`create database ${dbName}`);
        await admin.query(`alter database ${dbName} set jit = off`);
        const h = await createDb({ url: dbUrl, max: 4 });
        await runMigrations(h);
        log(`filling ${dbName} with ${fmtInt(FINDINGS)} findings …`);
        await fillDatabase(h, { findings: FINDINGS, log: () => {} });
        await h.close();
        await admin.query(`alter database ${dbName} reset all`);
      }
    }
    ensureBuild(DIST_DIR, { rebuild: Boolean(args.rebuild), log });
    server = await startServer({
      databaseUrl: dbUrl,
      distDir: DIST_DIR,
      poolMax: args.pool ? Number(args.pool) : undefined,
      env: PGLITE ? { DATABASE_URL: '', PGLITE_DATA_DIR: pgliteDir! } : {},
    });
    if (new URL(server.url).hostname !== '127.0.0.1') throw new Error('load tests only target 127.0.0.1');

    // Warm the route (first requests compile and connect).
    for (const o of ORGANS)
      await (await fetch(`${server.url}/api/v1/findings?organ=${encodeURIComponent(o.id)}`)).arrayBuffer();

    log(
      `autocannon: ${CONNECTIONS} connections for ${DURATION} s → ${server.url}/api/v1/findings?organ=… (${ORGANS.length} organs in turn)`,
    );
    const latencies: number[] = [];
    const codes = new Map<number, number>();
    let i = 0;
    const rss = sampleRss(server.serverPid(), 100);
    const instance = autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
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
    const mem = rss.stop();
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
        .join(' ')}; ` + `${PGLITE ? 'PGlite' : `PostgreSQL database ${dbName}`}; ${new Date().toISOString()}`,
    );
    if (non2xx > 0) {
      failed = true;
      console.error(`\nFAIL: ${non2xx} requests were not answered 2xx`);
    }
  } finally {
    if (server) await server.stop();
    if (admin && dbName) {
      if (!REUSE_DB) await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.close();
    }
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
