/**
 * Intake (issue 13, items 1–2): records from a file, a saved search's run or a suggestion become candidates,
 * de-duplicated (lib/intake/dedup.ts) against the candidates already kept, the existing sources, and each
 * other, in one transaction. A duplicate keeps its row, pointing at what it duplicates: PRISMA counts it as
 * identified, then removed. Merges are listed and can be undone (undoMerge).
 */
import { type AnyColumn, and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type DedupResult, findDuplicates, type SeenRecord } from '../../lib/intake/dedup';
import { titleKey } from '../../lib/intake/normalize';
import type { IntakeRecord } from '../../lib/intake/types';
import { DomainError } from '../../lib/errors';
import type { Db, Tx } from '../client';
import { candidates, type NewCandidate, sources } from '../schema';
import { recordAudit } from './audit';

export type IntakeOrigin =
  | { origin: 'file'; batchId: number }
  | { origin: 'search'; searchRunId: number }
  | { origin: 'suggestion'; suggestedBy: number; reason: string };

export type IntakeCounts = { records: number; added: number; duplicates: number; versions: number; known: number };

const CHUNK = 1000;

/** Kept candidates and sources that share an identifier, a title or a first author with the incoming records. */
async function loadSeen(tx: Tx, records: readonly IntakeRecord[]): Promise<SeenRecord[]> {
  const dois = [...new Set(records.map((r) => r.doi).filter((d): d is string => !!d))];
  const pmids = [...new Set(records.map((r) => r.pmid).filter((d): d is string => !!d))];
  const pmcids = [...new Set(records.map((r) => r.pmcid).filter((d): d is string => !!d))];
  const keys = [...new Set(records.map((r) => titleKey(r.title)).filter(Boolean))];
  const authors = [...new Set(records.map((r) => r.firstAuthor).filter(Boolean))];
  const anyOf = (col: AnyColumn, xs: string[]) => (xs.length ? inArray(col, xs) : sql`false`);
  const kept = await tx
    .select({
      id: candidates.id,
      doi: candidates.doi,
      pmid: candidates.pmid,
      pmcid: candidates.pmcid,
      title: candidates.title,
      year: candidates.year,
      firstAuthor: candidates.firstAuthor,
      isPreprint: candidates.isPreprint,
    })
    .from(candidates)
    .where(
      and(
        isNull(candidates.duplicateOfId),
        isNull(candidates.duplicateSourceId),
        or(
          anyOf(candidates.doi, dois),
          anyOf(candidates.pmid, pmids),
          anyOf(candidates.pmcid, pmcids),
          anyOf(candidates.titleKey, keys),
          anyOf(candidates.firstAuthor, authors),
        ),
      ),
    );
  const known = await tx
    .select({ id: sources.id, doi: sources.doi, pmid: sources.pmid, title: sources.title, year: sources.year })
    .from(sources)
    .where(or(anyOf(sources.doi, dois), anyOf(sources.pmid, pmids)));
  return [
    ...kept.map((c) => ({ ...c, id: `c:${c.id}` })),
    ...known.map((s) => ({
      id: `s:${s.id}`,
      doi: s.doi,
      pmid: s.pmid,
      pmcid: null,
      title: s.title ?? '',
      year: s.year,
      firstAuthor: '',
      isPreprint: false,
    })),
  ];
}

function row(r: IntakeRecord, o: IntakeOrigin): NewCandidate {
  return {
    origin: o.origin,
    batchId: o.origin === 'file' ? o.batchId : null,
    searchRunId: o.origin === 'search' ? o.searchRunId : null,
    suggestedBy: o.origin === 'suggestion' ? o.suggestedBy : null,
    reason: o.origin === 'suggestion' ? o.reason : '',
    title: r.title,
    abstract: r.abstract,
    keywords: r.keywords,
    authors: r.authors,
    firstAuthor: r.firstAuthor,
    year: r.year,
    journal: r.journal,
    doi: r.doi,
    pmid: r.pmid,
    pmcid: r.pmcid,
    titleKey: titleKey(r.title),
    isPreprint: r.isPreprint,
    raw: r.raw,
  };
}

/** Where a result points: a kept candidate, a source, or an earlier record of this batch. */
function target(d: Exclude<DedupResult, { kind: 'new' }>, ids: number[]) {
  if ('incoming' in d.of) return { candidate: ids[d.of.incoming]! };
  const [kind, id] = d.of.seen.split(':');
  return kind === 's' ? { source: Number(id) } : { candidate: Number(id) };
}

/** Adds `records` as candidates from `origin`, each marked new or duplicate, in the caller's transaction. */
export async function addCandidates(
  tx: Tx,
  actorId: number | null,
  records: readonly IntakeRecord[],
  o: IntakeOrigin,
): Promise<IntakeCounts & { ids: number[] }> {
  const results = findDuplicates([...records], await loadSeen(tx, records));
  const ids: number[] = [];
  for (let i = 0; i < records.length; i += CHUNK) {
    const made = await tx
      .insert(candidates)
      .values(records.slice(i, i + CHUNK).map((r) => row(r, o)))
      .returning({ id: candidates.id });
    ids.push(...made.map((m) => m.id));
  }
  const counts: IntakeCounts = { records: records.length, added: 0, duplicates: 0, versions: 0, known: 0 };
  const links: { id: number; of: number | null; source: number | null; by: string }[] = [];
  results.forEach((d, i) => {
    if (d.kind === 'new') return void (counts.added += 1);
    const t = target(d, ids);
    if (d.kind === 'supersedes') {
      counts.added += 1;
      counts.versions += 1;
      // The published record is kept; the preprint it supersedes becomes its second version.
      if (t.candidate !== undefined) links.push({ id: t.candidate, of: ids[i]!, source: null, by: 'preprint' });
      return;
    }
    if (t.source !== undefined) counts.known += 1;
    else if (d.kind === 'version') counts.versions += 1;
    else counts.duplicates += 1;
    links.push({ id: ids[i]!, of: t.candidate ?? null, source: t.source ?? null, by: d.by });
  });
  for (let i = 0; i < links.length; i += CHUNK) {
    const chunk = links.slice(i, i + CHUNK);
    await tx.execute(sql`
      update candidates c set duplicate_of_id = v.of, duplicate_source_id = v.source, duplicate_by = v.by
      from (select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
            as x(id int, "of" int, source int, by text)) v
      where c.id = v.id`);
  }
  await recordAudit(tx, {
    actorId,
    action: 'intake.add',
    entity: 'intake',
    entityId: o.origin === 'file' ? `batch:${o.batchId}` : o.origin === 'search' ? `run:${o.searchRunId}` : null,
    detail: { ...counts, origin: o.origin },
  });
  return { ...counts, ids };
}

/** Undo a merge: the candidate stands on its own again (and is never merged back automatically). */
export async function undoMerge(db: Db, actorId: number, candidateId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [c] = await tx
      .update(candidates)
      .set({ duplicateOfId: null, duplicateSourceId: null, keptApart: true })
      .where(
        and(
          eq(candidates.id, candidateId),
          or(sql`${candidates.duplicateOfId} is not null`, sql`${candidates.duplicateSourceId} is not null`),
        ),
      )
      .returning({ id: candidates.id });
    if (!c) throw new DomainError('conflict', 'candidate', 'This record is not merged with another.');
    await recordAudit(tx, { actorId, action: 'intake.unmerge', entity: 'candidate', entityId: candidateId });
  });
}
