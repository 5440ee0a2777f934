/**
 * Retraction and correction watch (issue 13, item 5). Crossref is asked outside any transaction; what it says is
 * stored in one: new `source_updates` rows (their unique key makes a rerun change nothing), and for a new
 * retraction the source marked retracted, one open 'retracted' flag on every finding from it (raised by the
 * system user, the note naming the notice) and audit events. Corrections are stored and shown, nothing more.
 * An expression of concern is stored, shown, and raises an open flag (reason 'other', the note saying what it
 * is) so a reviewer looks at the findings; it keeps nothing out of releases.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  type CrossrefUpdate,
  type FetchCrossrefUpdatesOptions,
  fetchCrossrefUpdates,
} from '../../lib/literature/crossref-updates';
import { DomainError } from '../../lib/errors';
import type { Db, DbOrTx, Tx } from '../client';
import { findings, flags, sources, sourceUpdates } from '../schema';
import { ensureImportUser } from '../system-user';
import { recordAudit } from './audit';

export type SourceCheckResult =
  | { ok: true; sourceId: number; newUpdates: number; retracted: boolean; flagged: number }
  | {
      ok: false;
      sourceId: number;
      reason: 'not_found' | 'timeout' | 'bad_response' | 'network' | 'too_large';
      message: string;
    };

export type SourceUpdateView = { type: string; noticeDoi: string; label: string; date: string | null; foundAt: Date };

const WATCHED = new Set(['retraction', 'correction', 'expression_of_concern']);

const describe = (u: { type: string; noticeDoi: string; date: string | null }) =>
  `${u.type === 'retraction' ? 'Retraction' : 'Expression of concern'} notice doi:${u.noticeDoi}` +
  (u.date ? ` (${u.date})` : '');

/** One open flag with `reason` on each finding of the source that has none open with that reason. */
async function flagFindings(tx: Tx, sourceId: number, by: number, reason: string, note: string) {
  const rows = await tx
    .select({ id: findings.id })
    .from(findings)
    .where(
      and(
        eq(findings.sourceId, sourceId),
        sql`not exists (select 1 from ${flags} fl where fl.finding_id = ${findings.id}
              and fl.reason = ${reason} and fl.resolved_at is null
              and (fl.reason = 'retracted' or fl.note = ${note}))`,
      ),
    )
    .orderBy(asc(findings.id));
  if (!rows.length) return 0;
  const made = await tx
    .insert(flags)
    .values(rows.map((r) => ({ findingId: r.id, raisedBy: by, reason, note })))
    .returning({ id: flags.id, findingId: flags.findingId });
  await recordAudit(
    tx,
    made.map((f) => ({
      actorId: by,
      action: 'flag.raise',
      entity: 'finding',
      entityId: f.findingId,
      detail: { flagId: f.id, reason, note },
    })),
  );
  return made.length;
}

/** Stores the new updates and acts on them; returns what changed. */
async function applyUpdates(tx: Tx, sourceId: number, updates: CrossrefUpdate[]) {
  const watched = updates.filter((u) => WATCHED.has(u.type));
  const fresh = watched.length
    ? await tx
        .insert(sourceUpdates)
        .values(
          watched.map((u) => ({ sourceId, type: u.type, noticeDoi: u.noticeDoi, label: u.label ?? '', date: u.date })),
        )
        .onConflictDoNothing()
        .returning({ type: sourceUpdates.type, noticeDoi: sourceUpdates.noticeDoi, date: sourceUpdates.date })
    : [];
  if (!fresh.length) return { newUpdates: 0, retracted: false, flagged: 0 };
  const system = await ensureImportUser(tx);
  await recordAudit(
    tx,
    fresh.map((u) => ({
      actorId: system,
      action: 'source.update_found',
      entity: 'source',
      entityId: sourceId,
      detail: u,
    })),
  );
  let flagged = 0;
  const retraction = fresh.find((u) => u.type === 'retraction');
  if (retraction) {
    await tx
      .update(sources)
      .set({ retracted: true, updatedAt: sql`now()` })
      .where(eq(sources.id, sourceId));
    await recordAudit(tx, {
      actorId: system,
      action: 'source.retract',
      entity: 'source',
      entityId: sourceId,
      detail: { noticeDoi: retraction.noticeDoi, date: retraction.date },
    });
    flagged += await flagFindings(tx, sourceId, system, 'retracted', describe(retraction));
  }
  for (const u of fresh.filter((x) => x.type === 'expression_of_concern')) {
    flagged += await flagFindings(tx, sourceId, system, 'other', describe(u));
  }
  return { newUpdates: fresh.length, retracted: !!retraction, flagged };
}

/** Asks Crossref for the source's update notices and records what is new. Never half-applies. */
export async function checkSourceUpdates(
  db: Db,
  sourceId: number,
  clientOpts: FetchCrossrefUpdatesOptions = {},
): Promise<SourceCheckResult> {
  const [source] = await db.select({ doi: sources.doi }).from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new DomainError('not_found', 'source', 'No source has this id.');
  const got = await fetchCrossrefUpdates(source.doi, clientOpts);
  if (!got.ok) return { ok: false, sourceId, reason: got.reason, message: got.message };
  const changed = await db.transaction((tx) => applyUpdates(tx, sourceId, got.updates));
  return { ok: true, sourceId, ...changed };
}

/** The source's stored notices, newest first; the banner shows the retraction, the source page all of them. */
export async function listSourceUpdates(db: DbOrTx, sourceId: number): Promise<SourceUpdateView[]> {
  return db
    .select({
      type: sourceUpdates.type,
      noticeDoi: sourceUpdates.noticeDoi,
      label: sourceUpdates.label,
      date: sourceUpdates.date,
      foundAt: sourceUpdates.foundAt,
    })
    .from(sourceUpdates)
    .where(eq(sourceUpdates.sourceId, sourceId))
    .orderBy(sql`${sourceUpdates.date} desc nulls last`, sql`${sourceUpdates.id} desc`);
}

/** Open 'retracted' flags on findings the user wrote a revision of or reviewed (their notifications). */
export async function listRetractionNotices(db: DbOrTx, userId: number) {
  return db
    .select({ publicId: findings.publicId, note: flags.note, at: flags.createdAt })
    .from(flags)
    .innerJoin(findings, eq(findings.id, flags.findingId))
    .where(
      and(
        eq(flags.reason, 'retracted'),
        isNull(flags.resolvedAt),
        sql`(exists (select 1 from finding_revisions r where r.finding_id = ${findings.id} and r.author_id = ${userId})
          or exists (select 1 from reviews v join finding_revisions r on r.id = v.revision_id
                     where r.finding_id = ${findings.id} and v.reviewer_id = ${userId}))`,
      ),
    )
    .orderBy(sql`${flags.createdAt} desc`, sql`${flags.id} desc`)
    .limit(50);
}
