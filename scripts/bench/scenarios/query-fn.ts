/**
 * Browse and search cases in-process: the app's `browseFindings` (and its count alone) against the
 * same page statement in PostgreSQL alone — exactly the SQL the app sends (built by its own
 * `browsePageStatement`), planning + execution under EXPLAIN ANALYZE. The detail lines add what the
 * app spends outside PostgreSQL: building the statement, mapping the rows, and the statement through
 * postgres.js alone.
 */
import { browseFindings, browsePageStatement, countFindings, pageParts, type Viewer } from '../../../db/queries/browse';
import { type PageRow, pageStatement, runStatement, toBrowseRows } from '../../../db/queries/browse-page';
import { resolveFilterTerms } from '../../../db/queries/filter-terms';
import { type BrowseQuery, parseBrowseQuery } from '../../../lib/browse/filters';
import { appHandle, type BenchContext, emptySection, type Section } from '../context';
import { rawTimes } from '../raw';
import { fmtInt, fmtMs, median, quantile, ratioTime, timeRuns } from '../util';

export type QueryCase = {
  key: string;
  label: string;
  params: Record<string, string>;
  fnTarget: number;
  http: boolean;
};
export type FnResult = {
  med: number;
  p95: number;
  min: number;
  count: number;
  countExact: boolean;
  /** The app's page statement in PostgreSQL: planning + execution (median). */
  rawMs: number;
  rawPlan: string;
  countMed: number;
};
type Page = Awaited<ReturnType<typeof browseFindings>>;
const ANON: Viewer = null;

function parsed(s: QueryCase): BrowseQuery {
  const r = parseBrowseQuery(s.params);
  if (!r.ok) throw new Error(`${s.key}: ${JSON.stringify(r.errors)}`);
  return r.query;
}

async function timeCase(ctx: BenchContext, s: QueryCase, query: BrowseQuery): Promise<FnResult> {
  const { runs, rawRuns } = ctx.opts;
  const db = appHandle(ctx).db;
  let last: Page | null = null;
  // Ten warm-ups: a running server has its statements prepared on its connections and its code optimized.
  const times = await timeRuns(async () => (last = await browseFindings(db, query, ANON)), runs, 10);
  const countTimes = await timeRuns(() => countFindings(db, query, ANON), Math.min(runs, 15), 1);
  const st = await browsePageStatement(db, query, ANON);
  const r = await rawTimes(ctx.raw, st.sql, st.params, rawRuns);
  const got = last as Page | null;
  if (!got || got.rows.length === 0) throw new Error(`${s.key}: the app returned no rows`);
  return {
    med: median(times),
    p95: quantile(times, 0.95),
    min: Math.min(...times),
    count: got.count.n,
    countExact: got.count.exact,
    rawMs: r.ms,
    rawPlan: `${fmtMs(r.exec)} exec + ${fmtMs(r.planning)} planning [${r.plan}]`,
    countMed: median(countTimes),
  };
}

const µs = (ms: number) => `${Math.round(ms * 1000)} µs`;

/**
 * What the app spends on a page besides PostgreSQL's work: building the statement (terms resolved
 * beforehand), mapping the driver's rows, and the statement alone through the app's postgres.js.
 */
async function overheads(ctx: BenchContext, query: BrowseQuery): Promise<string> {
  const db = appHandle(ctx).db;
  const sets = await resolveFilterTerms(db, query);
  const build = () => {
    const parts = pageParts(query, ANON, sets);
    return pageStatement(parts);
  };
  const st = build();
  const rows = await runStatement<PageRow>(db, st);
  const n = 500;
  const tBuild = await timeRuns(async () => build(), n, 100);
  const tMap = await timeRuns(async () => toBrowseRows(rows, query.limit), n, 100);
  const tAlone = await timeRuns(() => runStatement(db, st), 20, 3);
  return (
    `statement built in ${µs(median(tBuild))}, ${rows.length} rows mapped in ${µs(median(tMap))}, ` +
    `the statement alone through postgres.js ${fmtMs(median(tAlone))}${st.name ? ' (prepared)' : ''}`
  );
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
    if (r.ok) for (let i = 0; i < 5; i++) await browseFindings(appHandle(ctx).db, r.query, ANON);
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
      raw: fmtMs(f.rawMs),
      ratio: ratioTime(f.med, f.rawMs),
      target: `≤ ${s.fnTarget} ms`,
      ok: f.med <= s.fnTarget,
    });
    out.details.push(
      `${s.label}: query fn median ${fmtMs(f.med)} (min ${fmtMs(f.min)}, p95 ${fmtMs(f.p95)}), of which countFindings alone ${fmtMs(f.countMed)}; ` +
        `shows count ${fmtInt(f.count)}${f.countExact ? '' : ' (estimate)'}; its page statement in PostgreSQL ${f.rawPlan}; ` +
        (await overheads(ctx, query)),
    );
    ctx.log(
      `  ${s.key.padEnd(7)} fn ${fmtMs(f.med).padStart(9)} (min ${fmtMs(f.min)})  count ${fmtMs(f.countMed).padStart(9)}  raw ${fmtMs(f.rawMs).padStart(9)}`,
    );
  }
  return { ...out, byKey };
}
