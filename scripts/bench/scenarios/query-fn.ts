/**
 * Browse and search cases in-process: the app's `browseFindings` (and its count alone) against raw
 * EXPLAIN ANALYZE of the keyset SQL, plus what the app's own SQL costs in PostgreSQL.
 */
import { browseFindings, countFindings } from '../../../db/queries/browse';
import { type BrowseQuery, parseBrowseQuery } from '../../../lib/browse/filters';
import { appHandle, type BenchContext, emptySection, type Section } from '../context';
import { captureSql, rawTimes } from '../raw';
import { fmtInt, fmtMs, median, quantile, ratioTime, timeRuns } from '../util';

export type QueryCase = {
  key: string;
  label: string;
  params: Record<string, string>;
  raw: { sql: string; params: unknown[] };
  fnTarget: number;
  http: boolean;
};
export type FnResult = {
  med: number;
  p95: number;
  count: number;
  countExact: boolean;
  rawExec: number;
  rawPlan: string;
  countMed: number;
};
type Page = Awaited<ReturnType<typeof browseFindings>>;

function parsed(s: QueryCase): BrowseQuery {
  const r = parseBrowseQuery(s.params);
  if (!r.ok) throw new Error(`${s.key}: ${JSON.stringify(r.errors)}`);
  return r.query;
}

async function timeCase(ctx: BenchContext, s: QueryCase, query: BrowseQuery): Promise<FnResult> {
  const { runs, rawRuns } = ctx.opts;
  let last: Page | null = null;
  // Ten warm-ups: a running server has its statements prepared on its connections and its code optimized.
  const times = await timeRuns(async () => (last = await browseFindings(appHandle(ctx).db, query, null)), runs, 10);
  const countTimes = await timeRuns(() => countFindings(appHandle(ctx).db, query, null), Math.min(runs, 15), 1);
  const r = await rawTimes(ctx.raw, s.raw.sql, s.raw.params, rawRuns);
  const got = last as Page | null;
  if (!got || got.rows.length === 0) throw new Error(`${s.key}: the app returned no rows`);
  return {
    med: median(times),
    p95: quantile(times, 0.95),
    count: got.count.n,
    countExact: got.count.exact,
    rawExec: r.exec,
    rawPlan: r.plan,
    countMed: median(countTimes),
  };
}

/** What the app's own SQL costs in PostgreSQL (page query and count), to tell planning/driver overhead from plan problems. */
async function appSqlCost(ctx: BenchContext, url: string, query: BrowseQuery): Promise<string> {
  const captured = await captureSql(url, (db) => browseFindings(db, query, null));
  const parts: string[] = [];
  // The page query and the count run side by side: tell them by their text, not their order.
  for (const c of captured) {
    if (/^explain/i.test(c.sql)) continue;
    const isPage = !/^select count\(/i.test(c.sql);
    const e = await rawTimes(ctx.raw, c.sql, c.params, 5);
    let alone = '';
    if (isPage) {
      // The page query by itself, same SQL and parameters, through postgres.js in this process (no count).
      const t = await timeRuns(() => ctx.raw.query(c.sql, c.params), 15, 3);
      alone = `, ${fmtMs(median(t))} in-process without the count`;
    }
    parts.push(
      `${isPage ? 'page' : 'count'} SQL ${fmtMs(e.exec)} exec + ${fmtMs(e.planning)} plan${alone} [${e.plan}]`,
    );
  }
  return parts.join('; ');
}

export async function measureQueryFns(
  ctx: BenchContext,
  cases: QueryCase[],
): Promise<Section & { byKey: Record<string, FnResult> }> {
  ctx.log(
    `\nbrowse and search: ${ctx.opts.runs} runs each in-process, ${ctx.opts.rawRuns} EXPLAIN ANALYZE runs each …`,
  );
  // Warm every case first: the first one timed should not pay for a cold process and cold caches.
  for (const s of cases) {
    const r = parseBrowseQuery(s.params);
    if (r.ok) for (let i = 0; i < 5; i++) await browseFindings(appHandle(ctx).db, r.query, null);
  }
  const byKey: Record<string, FnResult> = {};
  const out = emptySection();
  for (const s of cases) {
    const query = parsed(s);
    const f = await timeCase(ctx, s, query);
    byKey[s.key] = f;
    out.rows.push({
      op: `${s.label} — query fn`,
      app: fmtMs(f.med),
      raw: fmtMs(f.rawExec),
      ratio: ratioTime(f.med, f.rawExec),
      target: `≤ ${s.fnTarget} ms`,
      ok: f.med <= s.fnTarget,
    });
    const appSql = ctx.res.db.url ? await appSqlCost(ctx, ctx.res.db.url, query) : '';
    out.details.push(
      `${s.label}: query fn median ${fmtMs(f.med)} (p95 ${fmtMs(f.p95)}), of which countFindings alone ${fmtMs(f.countMed)}; shows count ${fmtInt(f.count)}${f.countExact ? '' : ' (estimate)'}; ` +
        `raw plan [${f.rawPlan}]; app's ${appSql}`,
    );
    ctx.log(
      `  ${s.key.padEnd(7)} fn ${fmtMs(f.med).padStart(9)}  count ${fmtMs(f.countMed).padStart(9)}  raw ${fmtMs(f.rawExec).padStart(9)}`,
    );
  }
  return { ...out, byKey };
}
