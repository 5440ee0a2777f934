/** Counting the approved findings: the app's count (exact up to a limit, else the planner's estimate) against an exact count. */
import { countFindings, EXACT_COUNT_LIMIT } from '../../../db/queries/browse';
import { parseBrowseQuery } from '../../../lib/browse/filters';
import { appHandle, type BenchContext, type Section } from '../context';
import { rawTimes } from '../raw';
import { fmtInt, fmtMs, median, ratioTime, timeRuns } from '../util';

export type CountResult = { appMs: number; shown: { n: number; exact: boolean }; rawExactMs: number };

export async function measureCount(ctx: BenchContext): Promise<Section & { result: CountResult }> {
  const parsed = parseBrowseQuery({});
  if (!parsed.ok) throw new Error('count query');
  let shown = { n: 0, exact: false };
  const t = await timeRuns(
    async () => (shown = await countFindings(appHandle(ctx).db, parsed.query, null)),
    ctx.opts.runs,
  );
  const r = await rawTimes(
    ctx.raw,
    'select count(*) from findings where approved_revision_id is not null',
    [],
    Math.min(ctx.opts.rawRuns, 10),
  );
  const ok = median(t) <= 100 || !shown.exact;
  const row = {
    op: `count approved (app shows ${shown.exact ? '' : '~'}${fmtInt(shown.n)}${shown.exact ? ', exact' : ', estimate'}; exact ${fmtInt(ctx.fill.approved)})`,
    app: fmtMs(median(t)),
    raw: fmtMs(r.exec),
    ratio: ratioTime(median(t), r.exec),
    target: '≤ 100 ms or estimate',
    ok,
  };
  const detail = `exact count of approved rows: raw plan [${r.plan}]; the app counts exactly up to ${fmtInt(EXACT_COUNT_LIMIT)} and estimates beyond`;
  return { rows: [row], details: [detail], result: { appMs: median(t), shown, rawExactMs: r.exec } };
}
