/**
 * Merged records (issue 13, item 2): candidates de-duplication set aside, each with what it duplicates — a
 * kept candidate or an existing source — and the key that matched, newest first, a page at a time (keyset
 * on the id). Undoing a merge is db/queries/intake.ts undoMerge.
 */
import { and, desc, eq, isNotNull, lt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client';
import { candidates, sources } from '../schema';

export type MergedRecord = {
  id: number;
  title: string;
  year: number | null;
  doi: string | null;
  pmid: string | null;
  isPreprint: boolean;
  /** doi | pmid | pmcid | title_year_author | preprint */
  by: string | null;
  createdAt: Date;
  of:
    | { kind: 'candidate'; id: number; title: string; year: number | null; doi: string | null; isPreprint: boolean }
    | { kind: 'source'; id: number; title: string | null; year: number | null; doi: string }
    | null;
};

export type MergedPage = { rows: MergedRecord[]; next: number | null };

export async function listMergedRecords(
  db: DbOrTx,
  opts: { after?: number; limit?: number } = {},
): Promise<MergedPage> {
  const limit = opts.limit ?? 25;
  const kept = alias(candidates, 'kept');
  const rows = await db
    .select({
      id: candidates.id,
      title: candidates.title,
      year: candidates.year,
      doi: candidates.doi,
      pmid: candidates.pmid,
      isPreprint: candidates.isPreprint,
      by: candidates.duplicateBy,
      createdAt: candidates.createdAt,
      keptId: kept.id,
      keptTitle: kept.title,
      keptYear: kept.year,
      keptDoi: kept.doi,
      keptPreprint: kept.isPreprint,
      sourceId: sources.id,
      sourceTitle: sources.title,
      sourceYear: sources.year,
      sourceDoi: sources.doi,
    })
    .from(candidates)
    .leftJoin(kept, eq(kept.id, candidates.duplicateOfId))
    .leftJoin(sources, eq(sources.id, candidates.duplicateSourceId))
    .where(
      and(
        or(isNotNull(candidates.duplicateOfId), isNotNull(candidates.duplicateSourceId)),
        opts.after ? lt(candidates.id, opts.after) : undefined,
      ),
    )
    .orderBy(desc(candidates.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r): MergedRecord => ({
    id: r.id,
    title: r.title,
    year: r.year,
    doi: r.doi,
    pmid: r.pmid,
    isPreprint: r.isPreprint,
    by: r.by,
    createdAt: r.createdAt,
    of:
      r.keptId !== null
        ? {
            kind: 'candidate',
            id: r.keptId,
            title: r.keptTitle ?? '',
            year: r.keptYear,
            doi: r.keptDoi,
            isPreprint: r.keptPreprint ?? false,
          }
        : r.sourceId !== null
          ? { kind: 'source', id: r.sourceId, title: r.sourceTitle, year: r.sourceYear, doi: r.sourceDoi! }
          : null,
  }));
  return { rows: page, next: rows.length > limit ? page[page.length - 1]!.id : null };
}
