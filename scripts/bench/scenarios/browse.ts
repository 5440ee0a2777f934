/**
 * Browse pages: unfiltered and by organ + species, page 1 and deep (keyset cursor), a common and a rare pair;
 * and hierarchy-filtered pages (browse-hierarchy.ts).
 */
import { encodeCursor } from '../../../lib/browse/filters';
import type { BenchContext } from '../context';
import { fmtInt } from '../util';
import { hierarchyCases } from './browse-hierarchy';
import type { QueryCase } from './query-fn';

type Cursor = { v: string; id: number };

/** Every browse page has the same targets: 2 ms in-process, and a HTTP target. */
const browsePage = (c: Omit<QueryCase, 'fnTarget' | 'http'>): QueryCase => ({ ...c, fnTarget: 2, http: true });

async function deepCursor(ctx: BenchContext, depth: number): Promise<Cursor> {
  const [row] = await ctx.raw.query<Cursor>(
    `select approved_at::text as v, id from findings where approved_revision_id is not null order by approved_at desc, id desc offset ${depth - 1} limit 1`,
  );
  return row!;
}

/** The most and a least common organ + species pair (the rare one still has a page of rows), and a cursor half-way into the common one. */
async function pairs(ctx: BenchContext) {
  const all = await ctx.raw.query<{ o: string; s: string; n: string }>(
    `select target_organ o, species s, count(*) n from findings where approved_revision_id is not null group by 1, 2 order by 3 desc`,
  );
  const common = all[0]!;
  const rare = [...all].reverse().find((x) => Number(x.n) >= 200) ?? all.at(-1)!;
  const pairDepth = Math.floor(Number(common.n) / 2);
  const [pairDeep] = await ctx.raw.query<Cursor>(
    `select approved_at::text as v, id from findings where approved_revision_id is not null and target_organ = $1 and species = $2
       order by approved_at desc, id desc offset ${pairDepth - 1} limit 1`,
    [common.o, common.s],
  );
  return { common, rare, pairDepth, pairDeep: pairDeep! };
}

export async function browseCases(ctx: BenchContext): Promise<{ cases: QueryCase[]; detail: string }> {
  const approved = ctx.fill.approved;
  const depth = Math.min(500_000, Math.floor(approved / 2));
  const deep = await deepCursor(ctx, depth);
  const { common, rare, pairDepth, pairDeep } = await pairs(ctx);
  const cases: QueryCase[] = [
    browsePage({
      key: 'p1',
      label: 'browse page 1 (50, unfiltered)',
      params: {},
    }),
    browsePage({
      key: 'deep',
      label: `browse deep page (after ${fmtInt(depth)} rows)`,
      params: { cursor: encodeCursor(deep.v, deep.id) },
    }),
    browsePage({
      key: 'os1',
      label: 'browse organ+species page 1 (common pair)',
      params: { organ: common.o, species: common.s },
    }),
    browsePage({
      key: 'osdeep',
      label: `browse organ+species deep page (row ${fmtInt(pairDepth)})`,
      params: { organ: common.o, species: common.s, cursor: encodeCursor(pairDeep.v, pairDeep.id) },
    }),
    browsePage({
      key: 'osrare',
      label: 'browse organ+species page 1 (rare pair)',
      params: { organ: rare.o, species: rare.s },
    }),
  ];
  const hierarchy = await hierarchyCases(ctx);
  cases.push(...hierarchy.cases);
  const detail = `depth of the deep page: row ${fmtInt(depth)} of ${fmtInt(approved)} approved; organ+species: common pair ${common.o} + ${common.s} (${fmtInt(+common.n)} rows, deep page at row ${fmtInt(pairDepth)}), rare pair ${rare.o} + ${rare.s} (${fmtInt(+rare.n)} rows); ${hierarchy.detail}`;
  return { cases, detail };
}
