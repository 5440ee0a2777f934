/**
 * Findings of retracted sources stay out of new releases (issue 13, item 5) unless a reviewer overrides, with a
 * comment, for that finding. cutRelease asks which approved findings to leave out and writes the list, with the
 * reason, into the release's notes (shown on /releases with the release).
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { hasRole } from '../../lib/auth/roles';
import { DomainError } from '../../lib/errors';
import { releaseOverrideSchema } from '../../lib/literature/watch-schema';
import type { Db, DbOrTx } from '../client';
import { findings, releaseOverrides, sources, users } from '../schema';
import { recordAudit } from './audit';
import { type Actor, parseOrThrow } from './finding-tx';

export type ReleaseExclusion = { findingId: number; publicId: string; doi: string; notice: string | null };

/** Approved findings whose source is retracted and that no reviewer kept in. */
export async function listReleaseExclusions(db: DbOrTx): Promise<ReleaseExclusion[]> {
  return db
    .select({
      findingId: findings.id,
      publicId: findings.publicId,
      doi: sources.doi,
      notice: sql<string | null>`(select 'doi:' || u.notice_doi || coalesce(' (' || u.date || ')', '')
        from source_updates u where u.source_id = ${sources.id} and u.type = 'retraction'
        order by u.date desc nulls last, u.id desc limit 1)`,
    })
    .from(findings)
    .innerJoin(sources, eq(sources.id, findings.sourceId))
    .where(
      and(
        isNotNull(findings.approvedRevisionId),
        eq(sources.retracted, true),
        sql`not exists (select 1 from ${releaseOverrides} o where o.finding_id = ${findings.id})`,
      ),
    )
    .orderBy(findings.id);
}

/** The release's notes with the excluded findings listed after the admin's text. */
export function notesWithExclusions(notes: string, excluded: readonly ReleaseExclusion[]): string {
  if (!excluded.length) return notes;
  const lines = excluded.map(
    (x) => `- ${x.publicId}: source doi:${x.doi} was retracted${x.notice ? ` (notice ${x.notice})` : ''}`,
  );
  const head = `Excluded (${excluded.length}): findings from retracted sources, kept out unless a reviewer overrides.`;
  return [notes, [head, ...lines].join('\n')].filter(Boolean).join('\n\n');
}

/** A reviewer keeps one finding of a retracted source in new releases, saying why; audited. */
export async function addReleaseOverride(db: Db, actor: Actor, input: unknown): Promise<{ id: number }> {
  if (!hasRole(actor.role, 'reviewer'))
    throw new DomainError('forbidden', 'release', 'Only reviewers and admins can keep a finding in releases.');
  const { findingId, comment } = parseOrThrow(releaseOverrideSchema, input, 'release');
  return db.transaction(async (tx) => {
    const [f] = await tx
      .select({ retracted: sources.retracted })
      .from(findings)
      .innerJoin(sources, eq(sources.id, findings.sourceId))
      .where(eq(findings.id, findingId))
      .for('update', { of: findings });
    if (!f) throw new DomainError('not_found', 'finding', 'No such finding.');
    if (!f.retracted)
      throw new DomainError('conflict', 'release', 'The source is not retracted; the finding is not kept out.');
    const [taken] = await tx
      .select({ id: releaseOverrides.id })
      .from(releaseOverrides)
      .where(eq(releaseOverrides.findingId, findingId));
    if (taken) throw new DomainError('conflict', 'release', 'This finding is already kept in releases.');
    const [row] = await tx
      .insert(releaseOverrides)
      .values({ findingId, reviewerId: actor.id, comment })
      .returning({ id: releaseOverrides.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'release.override',
      entity: 'finding',
      entityId: findingId,
      detail: { overrideId: row!.id, comment },
    });
    return { id: row!.id };
  });
}

/** Who kept the finding in releases, and why (null when nobody did). */
export async function getReleaseOverride(db: DbOrTx, findingId: number) {
  const [o] = await db
    .select({ reviewer: users.name, comment: releaseOverrides.comment, at: releaseOverrides.createdAt })
    .from(releaseOverrides)
    .innerJoin(users, eq(users.id, releaseOverrides.reviewerId))
    .where(eq(releaseOverrides.findingId, findingId));
  return o ?? null;
}
