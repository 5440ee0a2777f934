import { and, eq, isNull, sql } from 'drizzle-orm';
import { DomainError } from '../../lib/errors';
import { revisionToContent } from '../../lib/finding/from-row';
import {
  changeSummarySchema,
  findingContentSchema,
  type FindingDraft,
  findingDraftSchema,
} from '../../lib/finding/schema';
import { type Outcome, transition } from '../../lib/workflow';
import type { Db, Tx } from '../client';
import { findingRevisions, findings, sources, users } from '../schema';
import { checkEvidence } from './evidence';
import { recordAudit } from './audit';
import { findDuplicates } from './duplicates';
import {
  type Actor,
  checkLock,
  contentColumns,
  lockFinding,
  newFindingRow,
  parseOrThrow,
  together,
  workflowContext,
} from './finding-tx';
import { checkTerms } from './term-check';
import { refreshListing } from './listing';

export type { Actor } from './finding-tx';
export { findDuplicates } from './duplicates';

export type CreatedFinding = { findingId: number; publicId: string; revisionId: number; lockVersion: number };

/** A new finding: the finding row and its first revision, a draft only its author sees. */
export async function createFinding(
  db: Db,
  actor: Actor,
  input: { sourceId: number; content: unknown; changeSummary?: unknown; editSession?: string | null },
): Promise<CreatedFinding> {
  const parsed = parseOrThrow(findingDraftSchema, input.content);
  const changeSummary = parseOrThrow(changeSummarySchema, input.changeSummary ?? '');
  return db.transaction(async (tx) => {
    const { content, labels } = await checkTerms(tx, parsed);
    const [source] = await tx
      .select({ id: sources.id, doi: sources.doi, year: sources.year })
      .from(sources)
      .where(eq(sources.id, input.sourceId));
    if (!source) throw new DomainError('not_found', 'source', 'No such source; add its DOI first.', 'sourceId');
    const [f] = await tx
      .insert(findings)
      .values({ ...newFindingRow(source, content, actor.id), status: 'draft' })
      .returning({ id: findings.id, publicId: findings.publicId });
    const [rev] = await tx
      .insert(findingRevisions)
      .values({
        findingId: f!.id,
        revisionNo: 1,
        authorId: actor.id,
        changeSummary,
        editSession: input.editSession ?? null,
        ...contentColumns(content, labels),
      })
      .returning({ id: findingRevisions.id });
    await tx.update(findings).set({ latestRevisionId: rev!.id }).where(eq(findings.id, f!.id));
    await refreshListing(tx, f!.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'finding.create',
      entity: 'finding',
      entityId: f!.id,
      detail: { doi: source.doi },
    });
    return { findingId: f!.id, publicId: f!.publicId, revisionId: rev!.id, lockVersion: 0 };
  });
}

/** Why this edit is refused; another curator's open draft is named, so the actor knows whom to wait for. */
async function refuseEdit(
  tx: Tx,
  outcome: Extract<Outcome, { ok: false }>,
  latest: { submittedAt: Date | null; authorId: number },
  actor: Actor,
): Promise<never> {
  if (!latest.submittedAt && latest.authorId !== actor.id) {
    const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, latest.authorId));
    throw new DomainError(
      'conflict',
      'finding',
      `${author?.name ?? 'Another curator'} has an unsubmitted draft of this finding; it can be edited again once they submit it.`,
    );
  }
  throw new DomainError(outcome.error, 'finding', outcome.message);
}

export type SavedDraft = { revisionId: number; revisionNo: number; lockVersion: number; created: boolean };

/**
 * Save into the actor's open draft of this finding, or start a new draft
 * revision from the latest one. Refused as a conflict when the finding
 * changed since `lockVersion` — never a silent overwrite.
 */
export async function saveDraftTx(
  tx: Tx,
  actor: Actor,
  findingId: number,
  lockVersion: number,
  draft: FindingDraft,
  changeSummary: string,
  editSession: string | null = null,
): Promise<SavedDraft> {
  const [{ f, latest }, { content, labels }] = await together(lockFinding(tx, findingId), checkTerms(tx, draft));
  await checkLock(tx, f, lockVersion);
  const now = new Date();
  let revisionId = latest.id;
  let revisionNo = latest.revisionNo;
  let created = false;

  const outcome = transition('edit', workflowContext(f, latest, actor));
  if (!outcome.ok) return refuseEdit(tx, outcome, latest, actor);
  // The author's draft collects the autosaves of one sitting; a new sitting keeps it and starts the next revision.
  const newSitting = !outcome.newRevision && editSession != null && latest.editSession !== editSession;
  // Writes that do not depend on one another are sent together (together(): one round trip, order
  // not guaranteed); a statement that must see another's effect waits for it.
  const writes: Promise<unknown>[] = [];
  if (!outcome.newRevision && !newSitting) {
    writes.push(
      tx
        .update(findingRevisions)
        .set({ ...contentColumns(content, labels), changeSummary, updatedAt: now })
        .where(and(eq(findingRevisions.id, latest.id), isNull(findingRevisions.submittedAt))),
    );
  } else {
    revisionNo = latest.revisionNo + 1;
    const [rev] = await tx
      .insert(findingRevisions)
      .values({
        findingId: f.id,
        revisionNo,
        basedOnRevisionId: latest.id,
        authorId: actor.id,
        changeSummary,
        editSession,
        ...contentColumns(content, labels),
      })
      .returning({ id: findingRevisions.id });
    revisionId = rev!.id;
    created = true;
    writes.push(
      recordAudit(tx, {
        actorId: actor.id,
        action: 'finding.revision_start',
        entity: 'finding',
        entityId: f.id,
        detail: { revisionNo, basedOn: latest.revisionNo, previousStatus: f.status },
      }),
    );
  }
  const update = tx
    .update(findings)
    .set({
      latestRevisionId: revisionId,
      status: 'draft',
      lockVersion: sql`${findings.lockVersion} + 1`,
      updatedAt: now,
    })
    .where(and(eq(findings.id, f.id), eq(findings.lockVersion, lockVersion)))
    .returning({ lockVersion: findings.lockVersion });
  const [[updated]] = await together(update, ...writes);
  if (!updated)
    throw new DomainError(
      'conflict',
      'finding',
      'Someone saved this finding at the same moment; reload and try again.',
    );
  // The listing follows the latest revision until one is approved; it reads what the update wrote.
  if (!f.approvedRevisionId) await refreshListing(tx, f.id);
  return { revisionId, revisionNo, lockVersion: updated.lockVersion, created };
}

export async function saveDraft(
  db: Db,
  actor: Actor,
  input: {
    findingId: number;
    lockVersion: number;
    content: unknown;
    changeSummary?: unknown;
    editSession?: string | null;
  },
): Promise<SavedDraft> {
  const content = parseOrThrow(findingDraftSchema, input.content);
  const changeSummary = parseOrThrow(changeSummarySchema, input.changeSummary ?? '');
  return db.transaction((tx) =>
    saveDraftTx(tx, actor, input.findingId, input.lockVersion, content, changeSummary, input.editSession ?? null),
  );
}

/**
 * Save (when content is given) and submit the actor's draft for review, in
 * one transaction. The content must now pass the full schema, and must not
 * duplicate another finding.
 */
export async function submitFinding(
  db: Db,
  actor: Actor,
  input: {
    findingId: number;
    lockVersion: number;
    content?: unknown;
    changeSummary?: unknown;
    editSession?: string | null;
  },
): Promise<{ lockVersion: number; revisionNo: number }> {
  const draft = input.content === undefined ? undefined : parseOrThrow(findingDraftSchema, input.content);
  const summaryInput = parseOrThrow(changeSummarySchema, input.changeSummary ?? '');
  return db.transaction(async (tx) => {
    let lockVersion = input.lockVersion;
    if (draft)
      lockVersion = (
        await saveDraftTx(tx, actor, input.findingId, lockVersion, draft, summaryInput, input.editSession ?? null)
      ).lockVersion;
    const { f, latest } = await lockFinding(tx, input.findingId);
    await checkLock(tx, f, lockVersion);
    const outcome = transition('submit', workflowContext(f, latest, actor));
    if (!outcome.ok) throw new DomainError(outcome.error, 'finding', outcome.message);
    // Terms are checked again: one may have become obsolete since the draft was saved.
    const { content } = await checkTerms(tx, parseOrThrow(findingContentSchema, revisionToContent(latest)));
    const changeSummary = latest.changeSummary || (latest.revisionNo === 1 ? 'New finding' : '');
    if (!changeSummary)
      throw new DomainError('invalid', 'finding', 'Some fields need attention.', undefined, {
        fields: { changeSummary: 'Say in a few words what this revision changes.' },
      });
    const dups = await findDuplicates(tx, f.id, f.sourceId, content);
    if (dups.length)
      throw new DomainError(
        'conflict',
        'duplicate',
        `An identical finding already exists (same DOI, target organ, recipient cell and cargo): ${dups.join(', ')}.`,
        undefined,
        { duplicates: dups },
      );
    const { anchor, verified } = await checkEvidence(tx, f.sourceId, content);
    const now = new Date();
    // Three independent writes, sent together: one round trip.
    const [, [updated]] = await together(
      tx
        .update(findingRevisions)
        .set({ submittedAt: now, changeSummary, updatedAt: now, evidenceAnchor: anchor, evidenceVerified: verified })
        .where(and(eq(findingRevisions.id, latest.id), isNull(findingRevisions.submittedAt))),
      tx
        .update(findings)
        .set({ status: 'submitted', lockVersion: sql`${findings.lockVersion} + 1`, updatedAt: now })
        .where(and(eq(findings.id, f.id), eq(findings.lockVersion, lockVersion)))
        .returning({ lockVersion: findings.lockVersion }),
      recordAudit(tx, {
        actorId: actor.id,
        action: 'finding.submit',
        entity: 'finding',
        entityId: f.id,
        detail: { revisionNo: latest.revisionNo },
      }),
    );
    return { lockVersion: updated!.lockVersion, revisionNo: latest.revisionNo };
  });
}

/** "Revert to this": a new draft equal to an earlier revision (or the actor's open draft set to it). */
export async function revertToRevision(
  db: Db,
  actor: Actor,
  input: { findingId: number; lockVersion: number; revisionNo: number },
): Promise<SavedDraft> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(findingRevisions)
      .where(and(eq(findingRevisions.findingId, input.findingId), eq(findingRevisions.revisionNo, input.revisionNo)));
    if (!target || (!target.submittedAt && target.authorId !== actor.id))
      throw new DomainError('not_found', 'revision', 'No such revision.');
    const saved = await saveDraftTx(
      tx,
      actor,
      input.findingId,
      input.lockVersion,
      revisionToContent(target) as FindingDraft,
      `Revert to revision ${target.revisionNo}`,
      `revert:${Date.now()}`,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'finding.revert',
      entity: 'finding',
      entityId: input.findingId,
      detail: { to: target.revisionNo, draft: saved.revisionNo },
    });
    return saved;
  });
}
