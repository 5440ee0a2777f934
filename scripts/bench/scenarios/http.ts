/**
 * The HTTP API on `next start` against the bench database: every browse and search case as sequential
 * requests, then the exports, while the server runs.
 */
import { createDb } from '../../../db/client';
import { type BenchContext, type Section } from '../context';
import { type Server, startServer } from '../server';
import { fmtMs, median, quantile, ratioTime, timeRuns } from '../util';
import { measureExportsOrReport } from './exports';
import type { FnResult, QueryCase } from './query-fn';

type HttpTimes = Record<string, { p50: number; p95: number }>;

async function httpTimes(server: Server, pathAndQuery: string, runs: number): Promise<number[]> {
  const once = async () => {
    const r = await fetch(server.url + pathAndQuery);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`GET ${pathAndQuery} → ${r.status}`);
  };
  return timeRuns(once, runs, 5);
}

async function measureHttp(
  ctx: BenchContext,
  server: Server,
  cases: QueryCase[],
  fn: Record<string, FnResult>,
): Promise<Section & { result: HttpTimes }> {
  const out: Section & { result: HttpTimes } = { rows: [], details: [], result: {} };
  for (const s of cases.filter((x) => x.http)) {
    const qs = new URLSearchParams(s.params).toString();
    const t = await httpTimes(server, `/api/v1/findings${qs ? `?${qs}` : ''}`, ctx.opts.runs);
    const f = fn[s.key]!;
    const isBrowse = f && s.fnTarget <= 2;
    out.rows.push({
      op: `${s.label} — HTTP p50 / p95`,
      app: `${fmtMs(median(t))} / ${fmtMs(quantile(t, 0.95))}`,
      raw: fmtMs(f.rawMs),
      ratio: ratioTime(median(t), f.rawMs),
      target: isBrowse ? 'p50 ≤ 10, p95 ≤ 25 ms' : '–',
      ok: isBrowse ? median(t) <= 10 && quantile(t, 0.95) <= 25 : null,
    });
    ctx.log(`  ${s.key.padEnd(7)} p50 ${fmtMs(median(t)).padStart(9)}  p95 ${fmtMs(quantile(t, 0.95)).padStart(9)}`);
    out.result[s.key] = { p50: median(t), p95: quantile(t, 0.95) };
  }
  return out;
}

/** Start the server, measure HTTP and the exports, stop it. PGlite allows one process per data folder: the app's handle is closed meanwhile. */
export async function measureServer(
  ctx: BenchContext,
  cases: QueryCase[],
  fn: Record<string, FnResult>,
): Promise<Section & { http: HttpTimes; exports: Record<string, unknown> }> {
  const { opts, res } = ctx;
  if (opts.pglite) {
    await res.app!.close();
    res.app = null;
  }
  const server = await startServer({
    databaseUrl: res.db.url ?? '',
    distDir: opts.distDir,
    parentEnv: opts.env,
    env: opts.pglite ? { DATABASE_URL: '', PGLITE_DATA_DIR: res.db.pgliteDir! } : {},
  });
  res.server = server;
  ctx.log(
    `\nHTTP: next start on ${server.url} (pid ${server.serverPid()}), ${opts.runs} sequential requests per URL …`,
  );
  const http = await measureHttp(ctx, server, cases, fn);
  const exp = await measureExportsOrReport(ctx, server);
  await server.stop();
  res.server = null;
  if (opts.pglite) res.app = await createDb({ url: '', dataDir: res.db.pgliteDir! });
  return {
    rows: [...http.rows, ...exp.rows],
    details: [...http.details, ...exp.details],
    http: http.result,
    exports: exp.result,
  };
}

export const skippedHttp = (): Section => ({
  rows: [{ op: 'HTTP and export', app: 'skipped (--no-http)', raw: '', ratio: '', target: '', ok: null }],
  details: [],
});
