/**
 * Counting the approved findings, like for like: the app's estimate (what the browser shows above
 * 10,000 matches: the planner's row estimate, no rows read) against the planner alone, and the app's
 * exact count (its limits lifted) against PostgreSQL's plain count(*). Raw times are the server's
 * planning + execution.
 */
import { countFindings, EXACT_COUNT_LIMIT } from '../../../db/queries/browse';
import { parseBrowseQuery } from '../../../lib/browse/filters';
import { appHandle, type BenchContext, type Section } from '../context';
import { captureSql, planningTimes, rawTimes } from '../raw';
import { fmtInt, fmtMs, median, ratioTime, timeRuns } from '../util';

export type CountResult = {
  estimate: { appMs: number; rawMs: number; n: number };
  exact: { appMs: number; rawMs: number; n: number };
};

/** No cap and no estimate: the app counts every matching row. */
const UNCAPPED = { exactLimit: Number.MAX_SAFE_INTEGER - 1, estimateOnlyAbove: Number.POSITIVE_INFINITY };
/** The estimate whatever the size (at a million findings the browser's own limits give the same). */
const ESTIMATE = { exactLimit: EXACT_COUNT_LIMIT, estimateOnlyAbove: -1 };

export async function measureCount(ctx: BenchContext): Promise<Section & { result: CountResult }> {
  const parsed = parseBrowseQuery({});
  if (!parsed.ok) throw new Error('count query');
  const db = appHandle(ctx).db;
  const { runs, rawRuns } = ctx.opts;
  let shown = { n: 0, exact: true };
  const tEst = await timeRuns(async () => (shown = await countFindings(db, parsed.query, null, ESTIMATE)), runs);
  if (shown.exact) throw new Error(`count: the app counted ${fmtInt(shown.n)} exactly where it was to estimate`);
  let exact = { n: 0, exact: false };
  const tExact = await timeRuns(
    async () => (exact = await countFindings(db, parsed.query, null, UNCAPPED)),
    Math.min(runs, 10),
    1,
  );
  const [truth] = await ctx.raw.query<{ n: string }>(
    'select count(*) n from findings where approved_revision_id is not null',
  );
  if (!exact.exact || exact.n !== Number(truth!.n))
    throw new Error(`count: the app's exact count ${fmtInt(exact.n)} is not PostgreSQL's ${fmtInt(Number(truth!.n))}`);
  // The planner alone on exactly the statement the app's estimate plans (its EXPLAIN, captured).
  let planned = { ms: NaN };
  if (ctx.res.db.url) {
    const captured = await captureSql(ctx.res.db.url, (d) => countFindings(d, parsed.query, null, ESTIMATE));
    const explain = captured.find((c) => /^explain/i.test(c.sql));
    if (!explain) throw new Error('count: the app sent no EXPLAIN for its estimate');
    planned = await planningTimes(ctx.raw, explain.sql.replace(/^explain \([^)]*\)\s*/i, ''), explain.params, rawRuns);
  }
  const rawExact = await rawTimes(
    ctx.raw,
    'select count(*) from findings where approved_revision_id is not null',
    [],
    Math.min(rawRuns, 10),
  );
  const rows = [
    {
      op: `count approved, estimate (app shows ~${fmtInt(shown.n)} of ${fmtInt(exact.n)}; raw: the planner on the same statement)`,
      app: fmtMs(median(tEst)),
      raw: fmtMs(planned.ms),
      ratio: ratioTime(median(tEst), planned.ms),
      target: '≤ 100 ms',
      ok: median(tEst) <= 100,
    },
    {
      op: `count approved, exact (app with its cap lifted; raw: count(*))`,
      app: fmtMs(median(tExact)),
      raw: fmtMs(rawExact.ms),
      ratio: ratioTime(median(tExact), rawExact.ms),
      target: '–',
      ok: null,
    },
  ];
  const detail =
    `counts: the browser counts exactly up to ${fmtInt(EXACT_COUNT_LIMIT)} matches and shows the planner's estimate beyond; ` +
    `exact count raw plan [${rawExact.plan}]`;
  return {
    rows,
    details: [detail],
    result: {
      estimate: { appMs: median(tEst), rawMs: planned.ms, n: shown.n },
      exact: { appMs: median(tExact), rawMs: rawExact.ms, n: exact.n },
    },
  };
}
