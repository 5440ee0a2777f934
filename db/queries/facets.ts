/**
 * Counts for the findings browser's organ filter: for every organ group and every organ term the
 * matching findings use, how many findings the filter would find — the term's own and all its
 * descendants', as the filter matches them. Under the page's other filters, without its own.
 */
import { and, type SQL, sql } from 'drizzle-orm';
import type { BrowseQuery } from '../../lib/browse/filters';
import { type FacetLink, type FacetTerm, type OrganOption, organOptions } from '../../lib/browse/organ-tree';
import { ORGANS } from '../../lib/vocab/organs';
import { speciesById } from '../../lib/vocab/species';
import type { DbOrTx } from '../client';
import { findings } from '../schema';
import { browseConditions, type Viewer } from './browse';
import { resolveFilterTerms, textArray } from './filter-terms';

export type FacetColumn = 'organ' | 'origin';
const COLUMN = { organ: findings.targetOrgan, origin: findings.origin } as const;
const GROUP_IDS: string[] = ORGANS.map((o) => o.id);

/** Rows of a raw statement, on either driver. */
function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/**
 * Findings per used term (one GROUP BY), rolled up the closure to every ancestor: a finding counts
 * once for each term at or above its own. Only the groups, the used terms and `also` come back.
 */
export async function organCounts(
  db: DbOrTx,
  where: SQL,
  column: FacetColumn,
  also: readonly string[] = [],
): Promise<(FacetTerm & { used: boolean })[]> {
  const col = COLUMN[column];
  const shown = [...GROUP_IDS, ...also];
  const res = await db.execute(sql`
    with used as (select ${col} as curie, count(*)::int as n from ${findings} where ${where} group by 1),
    rolled as (
      select a.ancestor as curie, sum(u.n)::int as n from used u join term_ancestors a on a.curie = u.curie group by 1)
    select r.curie, coalesce(t.label, r.curie) as label, r.n as count,
      exists (select 1 from used where used.curie = r.curie) as used
    from rolled r left join terms t on t.curie = r.curie
    where r.curie = any(${textArray(shown)}) or r.curie in (select curie from used)`);
  return rowsOf<FacetTerm & { used: boolean }>(res).map((r) => ({ ...r, count: Number(r.count) }));
}

/** The closure rows between the given terms (depth > 0): what the option tree is drawn from. */
async function linksBetween(db: DbOrTx, ids: readonly string[]): Promise<FacetLink[]> {
  if (ids.length === 0) return [];
  const res = await db.execute(sql`
    select curie, ancestor, depth from term_ancestors
    where curie = any(${textArray(ids)}) and ancestor = any(${textArray(ids)}) and depth > 0`);
  return rowsOf<FacetLink>(res).map((l) => ({ ...l, depth: Number(l.depth) }));
}

/** The label of a term that no finding uses (a selected filter value), from the terms table. */
export async function labelsOf(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const res = await db.execute(sql`select curie, label from terms where curie = any(${textArray(ids)})`);
  return new Map(rowsOf<{ curie: string; label: string }>(res).map((r) => [r.curie, r.label]));
}

/** The query's conditions without the facet's own filter (and without the cursor). */
export async function facetWhere(db: DbOrTx, q: BrowseQuery, viewer: Viewer, column: FacetColumn): Promise<SQL> {
  const others: BrowseQuery = { ...q, [column]: undefined, cursor: undefined };
  return and(...browseConditions(others, viewer, await resolveFilterTerms(db, others)))!;
}

/**
 * The organ (or donor organ) filter's options with their counts, under the query's other filters.
 * The selected term is always among them, with its count, even when no finding uses it.
 */
export async function organFacetCounts(
  db: DbOrTx,
  q: BrowseQuery,
  viewer: Viewer,
  column: FacetColumn = 'organ',
): Promise<OrganOption[]> {
  const selected = q[column];
  const where = await facetWhere(db, q, viewer, column);
  const counted = await organCounts(db, where, column, selected ? [selected] : []);
  const shown: FacetTerm[] = counted
    .filter((r) => r.used || GROUP_IDS.includes(r.curie) || r.curie === selected)
    .map(({ curie, label, count }) => ({ curie, label, count }));
  if (selected && !shown.some((r) => r.curie === selected)) {
    const label = (await labelsOf(db, [selected])).get(selected);
    // A term the loaded vocabularies lack is not offered; the browser reports it as an error.
    if (label) shown.push({ curie: selected, label, count: 0 });
  }
  const links = await linksBetween(
    db,
    shown.map((r) => r.curie),
  );
  return organOptions(ORGANS, shown, links);
}

/** The species filter's choices: every taxon loaded, by the review's common name where there is one. */
export async function speciesChoices(db: DbOrTx): Promise<{ value: string; label: string }[]> {
  const res = await db.execute(
    sql`select curie, label, extra->>'common_name' as common from terms where kind = 'taxon' and not obsolete`,
  );
  return rowsOf<{ curie: string; label: string; common: string | null }>(res)
    .map((r) => ({
      value: r.curie,
      label: speciesById(r.curie)?.label ?? (r.common ? `${capitalize(r.common)} (${r.label})` : r.label),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "UBERON:0001013 adipose tissue", or null for a term the vocabularies lack. */
export async function termName(db: DbOrTx, curie: string): Promise<string | null> {
  const label = (await labelsOf(db, [curie])).get(curie);
  return label ? `${curie} ${label}` : null;
}
