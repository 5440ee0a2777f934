/**
 * Hierarchy-filtered browse pages (browse.ts adds them to its cases): a target organ with the terms
 * under it, a term in any field with the terms under it, and a rare organ term; plus what the organ
 * filter's counts cost (the GROUP BY the page only runs inline for ≤ 10,000 matching findings).
 */
import { organChoices, pendingCount } from '../../../db/queries/facet-cache';
import { organFacetCounts } from '../../../db/queries/facets';
import { parseBrowseQuery } from '../../../lib/browse/filters';
import { ORGANS } from '../../../lib/vocab/organs';
import { appHandle, type BenchContext } from '../context';
import { fmtInt, fmtMs, median, timeRuns } from '../util';
import type { QueryCase } from './query-fn';

export const NERVOUS_SYSTEM = 'UBERON:0001016';
export const ADIPOSE_TISSUE = 'UBERON:0001013';

/** The target of the acceptance: a hierarchy-filtered page in ≤ 5 ms. */
const hierarchyPage = (c: Omit<QueryCase, 'fnTarget' | 'http'>): QueryCase => ({ ...c, fnTarget: 5, http: true });

/** The term and its descendants as a PostgreSQL array literal (what the app passes, resolved in one query first). */
async function subtree(ctx: BenchContext, curie: string): Promise<{ literal: string; n: number }> {
  const rows = await ctx.raw.query<{ curie: string }>(
    `select curie from term_ancestors where ancestor = $1 order by curie`,
    [curie],
  );
  return { literal: `{${rows.map((r) => r.curie).join(',')}}`, n: rows.length };
}

/**
 * The least used organ term that has terms under it, is itself under one of the 16 organ groups,
 * and still fills a few pages (≥ 200 approved findings with its subtree; fewer in a small fill:
 * one in 200 of the approved findings).
 */
async function rareOrgan(ctx: BenchContext): Promise<{ curie: string; label: string; n: number }> {
  const groups = `array[${ORGANS.map((o) => `'${o.id}'`).join(', ')}]::text[]`;
  const least = Math.max(1, Math.min(200, Math.floor(ctx.fill.approved / 200)));
  const rows = await ctx.raw.query<{ curie: string; label: string; n: string }>(
    `select a.ancestor as curie, t.label, count(*) as n from findings f
       join term_ancestors a on a.curie = f.target_organ join terms t on t.curie = a.ancestor
     where f.approved_revision_id is not null
       and a.ancestor in (select curie from term_ancestors where ancestor = any(${groups}) and depth > 0)
       and exists (select 1 from term_ancestors d where d.ancestor = a.ancestor and d.depth > 0)
     group by 1, 2 having count(*) >= ${least} order by 3, 1 limit 1`,
  );
  const r = rows[0];
  if (!r) throw new Error(`bench: no organ term under an organ group has ${least} or more approved findings`);
  return { curie: r.curie, label: r.label, n: Number(r.n) };
}

async function matching(ctx: BenchContext, where: string, literal: string): Promise<number> {
  const [r] = await ctx.raw.query<{ n: string }>(
    `select count(*) n from findings where approved_revision_id is not null and ${where}`,
    [literal],
  );
  return Number(r!.n);
}

export async function hierarchyCases(ctx: BenchContext): Promise<{ cases: QueryCase[]; detail: string }> {
  const nervous = await subtree(ctx, NERVOUS_SYSTEM);
  const adipose = await subtree(ctx, ADIPOSE_TISSUE);
  const rare = await rareOrgan(ctx);
  const rareTree = await subtree(ctx, rare.curie);
  const cases: QueryCase[] = [
    hierarchyPage({
      key: 'hns',
      label: 'browse organ = nervous system (with descendants)',
      params: { organ: NERVOUS_SYSTEM },
    }),
    hierarchyPage({
      key: 'hadip',
      label: 'browse term = adipose tissue (with descendants, any field)',
      params: { term: ADIPOSE_TISSUE },
    }),
    hierarchyPage({
      key: 'hrare',
      label: `browse organ = ${rare.label} (rare, with descendants)`,
      params: { organ: rare.curie },
    }),
  ];
  const nNervous = await matching(ctx, 'target_organ = any($1::text[])', nervous.literal);
  const nAdipose = await matching(ctx, 'term_curies && $1::text[]', adipose.literal);
  const detail =
    `hierarchy: nervous system + ${nervous.n - 1} terms under it match ${fmtInt(nNervous)} approved findings; ` +
    `adipose tissue + ${adipose.n - 1} terms, in any field, ${fmtInt(nAdipose)}; rare: ${rare.curie} ${rare.label} + ${rareTree.n - 1} terms, ${fmtInt(rare.n)}. ` +
    (await facetCosts(ctx));
  return { cases, detail };
}

/** The organ filter's counts: the full GROUP BY (uncached), and what the page pays (organChoices, kept counts). */
async function facetCosts(ctx: BenchContext): Promise<string> {
  const db = appHandle(ctx).db;
  const q = (p: Record<string, string>) => {
    const r = parseBrowseQuery(p);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.query;
  };
  const runs = Math.max(3, Math.min(ctx.opts.runs, 10));
  const full = await timeRuns(() => organFacetCounts(db, q({}), null, 'organ'), runs, 1);
  const mouse = await timeRuns(() => organFacetCounts(db, q({ species: 'NCBITaxon:10090' }), null, 'organ'), runs, 1);
  const donor = await timeRuns(() => organFacetCounts(db, q({}), null, 'origin'), runs, 1);
  const narrow = await timeRuns(
    () => organFacetCounts(db, q({ term: ADIPOSE_TISSUE, q: 'angiogenesis' }), null),
    runs,
    1,
  );
  // The page: the first visit counts in the background; later visits read the kept counts.
  await organChoices(db, q({}), null, 'organ');
  await pendingCount(q({}), 'organ');
  const kept = await timeRuns(() => organChoices(db, q({}), null, 'organ'), runs, 1);
  return (
    `organ filter counts (organFacetCounts, one GROUP BY + the closure): all approved ${fmtMs(median(full))}, ` +
    `species = mouse ${fmtMs(median(mouse))}, donor organ ${fmtMs(median(donor))}, adipose term + "angiogenesis" ${fmtMs(median(narrow))}; ` +
    `the page (organChoices): kept counts ${fmtMs(median(kept))} (> 10,000 matching: counted in the background, kept 60 s)`
  );
}
