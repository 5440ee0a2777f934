/**
 * Saved searches (issue 13, item 1b): a Europe PMC query plus a date window, run by hand or on a schedule.
 * A run asks Europe PMC outside any transaction (a slow service never holds a connection or locks), then adds
 * what it found in one transaction; a failed search adds nothing and leaves a failed run with the message.
 *
 * "Adding only records not seen before": a record this search already found in an earlier run (same DOI, PMID,
 * PMCID or normalized title) is not inserted again. It is not a new identification, so PRISMA must not count it
 * a second time; the run reports it as "already seen". Records first found by this search that duplicate a file
 * upload or a suggestion are inserted as duplicates, as any intake does (identified here, then removed).
 */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { titleKey } from '../../lib/intake/normalize';
import type { IntakeRecord } from '../../lib/intake/types';
import { type EuropePmcSearchOptions, searchEuropePmc } from '../../lib/literature/europepmc-search';
import { type SavedSearchInput, savedSearchSchema, scheduleInterval } from '../../lib/literature/watch-schema';
import { DomainError } from '../../lib/errors';
import type { Db, DbOrTx, Tx } from '../client';
import { candidates, savedSearches, searchRuns, users } from '../schema';
import { recordAudit } from './audit';
import { parseOrThrow } from './finding-tx';
import { addCandidates } from './intake';

export type SearchTrigger = 'manual' | 'schedule';

export type SearchRunResult =
  | { ok: true; runId: number; found: number; added: number; alreadySeen: number; duplicates: number }
  | { ok: false; runId: number; message: string };

export async function createSavedSearch(db: Db, actorId: number, input: SavedSearchInput | unknown) {
  const s = parseOrThrow(savedSearchSchema, input, 'search');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savedSearches)
      .values({ ...s, fromDate: s.fromDate ?? null, toDate: s.toDate ?? null, createdBy: actorId })
      .returning();
    await recordAudit(tx, { actorId, action: 'search.create', entity: 'search', entityId: row!.id, detail: s });
    return row!;
  });
}

/** Every saved search with its newest run's status. */
export async function listSavedSearches(db: DbOrTx) {
  const last = db
    .selectDistinctOn([searchRuns.searchId], {
      searchId: searchRuns.searchId,
      status: searchRuns.status,
      added: searchRuns.added,
      message: searchRuns.message,
    })
    .from(searchRuns)
    .orderBy(searchRuns.searchId, desc(searchRuns.id))
    .as('last');
  return db
    .select({
      id: savedSearches.id,
      name: savedSearches.name,
      query: savedSearches.query,
      fromDate: savedSearches.fromDate,
      toDate: savedSearches.toDate,
      schedule: savedSearches.schedule,
      createdBy: users.name,
      lastRunAt: savedSearches.lastRunAt,
      lastStatus: last.status,
      lastAdded: last.added,
      lastMessage: last.message,
    })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.createdBy))
    .leftJoin(last, eq(last.searchId, savedSearches.id))
    .orderBy(savedSearches.name, savedSearches.id);
}

/** The newest runs of every saved search (admins' jobs page). */
export async function listRecentSearchRuns(db: DbOrTx, limit = 50) {
  return db
    .select({
      id: searchRuns.id,
      searchId: searchRuns.searchId,
      name: savedSearches.name,
      trigger: searchRuns.trigger,
      status: searchRuns.status,
      found: searchRuns.found,
      added: searchRuns.added,
      message: searchRuns.message,
      startedAt: searchRuns.startedAt,
      finishedAt: searchRuns.finishedAt,
    })
    .from(searchRuns)
    .innerJoin(savedSearches, eq(savedSearches.id, searchRuns.searchId))
    .orderBy(desc(searchRuns.id))
    .limit(limit);
}

/** Scheduled searches whose last run (tried, whether it worked or not) is older than their interval. */
export async function dueSavedSearches(db: DbOrTx, now = new Date()): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .select({
      id: savedSearches.id,
      name: savedSearches.name,
      schedule: savedSearches.schedule,
      at: savedSearches.lastRunAt,
    })
    .from(savedSearches)
    .where(inArray(savedSearches.schedule, ['daily', 'weekly']))
    .orderBy(savedSearches.id);
  return rows
    .filter((r) => !r.at || now.getTime() - r.at.getTime() >= scheduleInterval(r.schedule)!)
    .map(({ id, name }) => ({ id, name }));
}

/** Splits the records into those this search has not found before and the number it has. */
async function withoutSeen(tx: Tx, searchId: number, records: IntakeRecord[]) {
  const earlier = await tx
    .select({ doi: candidates.doi, pmid: candidates.pmid, pmcid: candidates.pmcid, titleKey: candidates.titleKey })
    .from(candidates)
    .innerJoin(searchRuns, eq(searchRuns.id, candidates.searchRunId))
    .where(and(eq(searchRuns.searchId, searchId), isNotNull(candidates.searchRunId)));
  const seen = new Set<string>();
  const keysOf = (r: { doi: string | null; pmid: string | null; pmcid: string | null; titleKey: string }) =>
    [r.doi && `d:${r.doi}`, r.pmid && `p:${r.pmid}`, r.pmcid && `c:${r.pmcid}`, r.titleKey && `t:${r.titleKey}`].filter(
      (k): k is string => !!k,
    );
  for (const e of earlier) for (const k of keysOf(e)) seen.add(k);
  const fresh = records.filter((r) => !keysOf({ ...r, titleKey: titleKey(r.title) }).some((k) => seen.has(k)));
  return { fresh, alreadySeen: records.length - fresh.length };
}

async function finishRun(db: DbOrTx, runId: number, set: Partial<typeof searchRuns.$inferInsert>) {
  await db
    .update(searchRuns)
    .set({ ...set, finishedAt: sql`now()` })
    .where(eq(searchRuns.id, runId));
}

/**
 * Runs a saved search: a `running` row first (visible while Europe PMC answers), the search outside any
 * transaction, then the candidates and the finished run in one transaction. Never leaves half an import.
 */
export async function runSavedSearch(
  db: Db,
  actorId: number | null,
  searchId: number,
  trigger: SearchTrigger,
  clientOpts: EuropePmcSearchOptions = {},
): Promise<SearchRunResult> {
  const [search] = await db.select().from(savedSearches).where(eq(savedSearches.id, searchId));
  if (!search) throw new DomainError('not_found', 'search', 'No saved search has this id.');
  await db
    .update(savedSearches)
    .set({ lastRunAt: sql`now()` })
    .where(eq(savedSearches.id, searchId));
  const [run] = await db
    .insert(searchRuns)
    .values({ searchId, trigger, status: 'running' })
    .returning({ id: searchRuns.id });
  const runId = run!.id;
  const found = await searchEuropePmc(
    { query: search.query, fromDate: search.fromDate ?? undefined, toDate: search.toDate ?? undefined },
    clientOpts,
  );
  if (!found.ok) {
    await finishRun(db, runId, { status: 'failed', message: found.message });
    return { ok: false, runId, message: found.message };
  }
  try {
    return await db.transaction(async (tx) => {
      const { fresh, alreadySeen } = await withoutSeen(tx, searchId, found.records);
      const counts = fresh.length
        ? await addCandidates(tx, actorId, fresh, { origin: 'search', searchRunId: runId })
        : { added: 0, duplicates: 0, versions: 0, known: 0 };
      const duplicates = counts.duplicates + counts.versions + counts.known;
      const message =
        `${found.records.length} found` +
        (found.truncated ? ` (of ${found.hitCount}; the rest past the limit)` : '') +
        `, ${counts.added} new, ${alreadySeen} already seen in earlier runs, ${duplicates} duplicates of other records.`;
      await finishRun(tx, runId, { status: 'ok', found: found.records.length, added: counts.added, message });
      await recordAudit(tx, {
        actorId,
        action: 'search.run',
        entity: 'search',
        entityId: searchId,
        detail: { runId, trigger, found: found.records.length, added: counts.added, alreadySeen, duplicates },
      });
      return { ok: true as const, runId, found: found.records.length, added: counts.added, alreadySeen, duplicates };
    });
  } catch (e) {
    console.error(`saved search ${searchId}, run ${runId}: storing the records failed`, e);
    const message = 'The records could not be stored; nothing was added. The search can be run again.';
    await finishRun(db, runId, { status: 'failed', message });
    return { ok: false, runId, message };
  }
}
