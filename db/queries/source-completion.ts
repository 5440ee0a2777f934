/**
 * An included paper's source is made from its bibliographic record (db/queries/screening.ts); when Crossref is
 * reachable its metadata fills the fields the record left empty (issue 13, item 3). Best effort, after the
 * screening decision has committed: a failure or a switched-off Crossref leaves the source as the record gave it.
 */
import { eq } from 'drizzle-orm';
import { fetchCrossrefWork } from '../../lib/crossref';
import { type LookupOptions, resolveLookupOptions } from '../../lib/sources/lookup';
import { env } from '../../server/env';
import type { Db } from '../client';
import { sources } from '../schema';
import { updateSourceMetadata } from './sources';

const FILLABLE = ['title', 'authors', 'journal', 'year', 'volumePages'] as const;

export type Completion = { completed: string[] } | { skipped: string };

export async function completeSourceFromCrossref(
  db: Db,
  actorId: number,
  sourceId: number,
  opts: LookupOptions = {},
): Promise<Completion> {
  const [s] = await db.select().from(sources).where(eq(sources.id, sourceId));
  if (!s) return { skipped: 'no such source' };
  const o = resolveLookupOptions(opts, env());
  if (o.off) return { skipped: 'Crossref is switched off' };
  const r = await fetchCrossrefWork(s.doi, { baseUrl: o.baseUrl, mailto: o.mailto, timeoutMs: o.timeoutMs });
  if (!r.ok) return { skipped: r.message };
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  const fill = FILLABLE.filter((k) => empty(s[k]) && !empty(r.metadata[k]));
  if (!fill.length) return { completed: [] };
  const current = { title: s.title, authors: s.authors, journal: s.journal, year: s.year, volumePages: s.volumePages };
  const merged = { ...current, pmid: s.pmid, ...Object.fromEntries(fill.map((k) => [k, r.metadata[k]])) };
  if (!merged.title) return { skipped: 'no title in the record or at Crossref' };
  const { changed } = await updateSourceMetadata(db, actorId, sourceId, { ...merged, title: String(merged.title) });
  return { completed: changed };
}
