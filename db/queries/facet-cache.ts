/**
 * The organ filters' options for the findings page, in bounded time. Counting every matching
 * finding per organ term is one GROUP BY over all of them: a few milliseconds for a few thousand,
 * 0.1–0.5 s for the ~800,000 approved findings of a million (see scripts/bench). So:
 *
 * - at most EXACT_COUNT_LIMIT matching findings (the planner's estimate, as the page's count): counted now;
 * - more: counted in the background, the options shown without counts meanwhile (the groups and the
 *   terms in use), and kept FACET_TTL_MS for every later visit with the same filters; a stale entry
 *   is still shown while a fresh one is counted.
 *
 * Only the public view (approved findings) is kept: what a status filter shows depends on who asks.
 */
import { sql } from 'drizzle-orm';
import { type BrowseQuery, FILTER_KEYS } from '../../lib/browse/filters';
import { type OrganOption, organOptions } from '../../lib/browse/organ-tree';
import { ORGANS } from '../../lib/vocab/organs';
import type { DbOrTx } from '../client';
import { findings } from '../schema';
import { EXACT_COUNT_LIMIT, plannedRows, type Viewer } from './browse';
import { type FacetColumn, facetWhere, labelsOf, organFacetCounts } from './facets';

/** How long counts are reused: a newly approved finding shows in them within a minute. */
export const FACET_TTL_MS = 60_000;
const CACHE_SIZE = 500;
/** Background counts running at once, at most: a crawler walking many filter URLs must not queue up GROUP BYs. */
const MAX_BACKGROUND = 2;
let background = 0;

export type OrganChoices = { options: OrganOption[]; counted: boolean };
export type ChoiceOptions = { now?: number; inlineLimit?: number };

type Entry = { at: number; options: OrganOption[] | null; pending: Promise<void> | null };
const cache = new Map<string, Entry>();

const keyOf = (q: BrowseQuery, column: FacetColumn) =>
  JSON.stringify([column, ...FILTER_KEYS.map((k) => q[k] ?? null)]);
const isPublic = (q: BrowseQuery) => !q.status || q.status === 'approved';

/**
 * Count into the cache entry of `key`, in the background (unless MAX_BACKGROUND are running: then
 * a later visit tries again); a failure is logged and forgets the entry.
 */
function countLater(db: DbOrTx, q: BrowseQuery, viewer: Viewer, column: FacetColumn, key: string): void {
  if (background >= MAX_BACKGROUND) return;
  background++;
  const entry: Entry = cache.get(key) ?? { at: 0, options: null, pending: null };
  const pending = organFacetCounts(db, q, viewer, column)
    .finally(() => background--)
    .then(
      (options) => {
        cache.set(key, { at: Date.now(), options, pending: null });
      },
      (e: unknown) => {
        console.error('facets: counting failed', e);
        if (cache.get(key)?.pending === pending) cache.delete(key);
      },
    );
  cache.set(key, { ...entry, pending });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/** Without counts: the terms in use overall (when known), else the groups; the selected term always. */
async function uncounted(db: DbOrTx, column: FacetColumn, selected: string | undefined): Promise<OrganOption[]> {
  const overall = cache.get(keyOf({ sort: 'updated', limit: 50 }, column))?.options;
  const options = overall ?? organOptions(ORGANS, [], []);
  if (!selected || options.some((o) => o.curie === selected)) return options;
  const label = (await labelsOf(db, [selected])).get(selected);
  return label ? [...options, { curie: selected, label, count: 0, level: 0, section: 'other' }] : options;
}

/** The organ (or donor organ) filter's options: with counts when cheap or kept, else without (see above). */
export async function organChoices(
  db: DbOrTx,
  q: BrowseQuery,
  viewer: Viewer,
  column: FacetColumn,
  opts: ChoiceOptions = {},
): Promise<OrganChoices> {
  const now = opts.now ?? Date.now();
  const key = keyOf(q, column);
  const hit = isPublic(q) ? cache.get(key) : undefined;
  if (hit?.options) {
    if (now - hit.at >= FACET_TTL_MS && !hit.pending) countLater(db, q, viewer, column, key);
    return { options: hit.options, counted: true };
  }
  if (!hit?.pending) {
    const where = await facetWhere(db, q, viewer, column);
    const estimate = await plannedRows(db, sql`select 1 from ${findings} where ${where}`);
    if (estimate <= (opts.inlineLimit ?? EXACT_COUNT_LIMIT)) {
      const options = await organFacetCounts(db, q, viewer, column);
      if (isPublic(q)) cache.set(key, { at: now, options, pending: null });
      return { options, counted: true };
    }
    if (isPublic(q)) countLater(db, q, viewer, column, key);
  }
  return { options: await uncounted(db, column, q[column]), counted: false };
}

/** The background count of these filters, if one is running (tests wait on it). */
export function pendingCount(q: BrowseQuery, column: FacetColumn): Promise<void> | null {
  return cache.get(keyOf(q, column))?.pending ?? null;
}

/** Forget every kept count. */
export function clearFacetCache(): void {
  cache.clear();
}
