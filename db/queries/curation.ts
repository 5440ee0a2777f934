import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../lib/errors';
import { revisionToContent } from '../../lib/finding/from-row';
import {
  changeSummarySchema,
  findingContentSchema,
  type FindingContent,
  type FindingDraft,
  findingDraftSchema,
} from '../../lib/finding/schema';
import { type Outcome, transition } from '../../lib/workflow';
import type { Db, DbOrTx } from '../client';
import { findingRevisions, findings, sources } from '../schema';
import { checkEvidence } from './evidence';
import { recordAudit } from './audit';
import { findDuplicates } from './duplicates';
import {
  checkLoadedTerms,
  checkVersion,
  type FindingHead,
  type FindingState,
  loadTerms,
  loadTermsOfLatest,
  lostRace,
  readFindingState,
} from './finding-state';
import { type Actor, contentColumns, newFindingRow, parseOrThrow, together, workflowContext } from './finding-tx';
import { writeSave, writeSubmit } from './finding-writes';
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
function refuseEdit(outcome: Extract<Outcome, { ok: false }>, state: FindingState, actor: Actor): never {
  const { latest, by } = state;
  if (!latest.submittedAt && latest.authorId !== actor.id)
    throw new DomainError(
      'conflict',
      'finding',
      `${by} has an unsubmitted draft of this finding; it can be edited again once they submit it.`,
    );
  throw new DomainError(outcome.error, 'finding', outcome.message);
}

export type SavedDraft = { revisionId: number; revisionNo: number; lockVersion: number; created: boolean };

/**
 * Save into the actor's open draft of this finding, or start a new draft
 * revision from the latest one. Refused as a conflict when the finding
 * changed since `lockVersion` — never a silent overwrite. Two round trips on
 * the server: the reads together, then the write as one statement (finding-writes.ts),
 * which applies only at `lockVersion`; in a transaction it composes with its other writes.
 */
export async function saveDraftTx(
  db: DbOrTx,
  actor: Actor,
  findingId: number,
  lockVersion: number,
  draft: FindingDraft,
  changeSummary: string,
  editSession: string | null = null,
): Promise<SavedDraft> {
  const [state, terms] = await together(readFindingState(db, findingId), loadTerms(db, draft));
  const { content, labels } = await checkLoadedTerms(db, terms, draft);
  checkVersion(state, lockVersion);
  const { f, latest } = state;
  const outcome = transition('edit', workflowContext(f, latest, actor));
  if (!outcome.ok) return refuseEdit(outcome, state, actor);
  // The author's draft collects the autosaves of one sitting; a new sitting keeps it and starts the next revision.
  const newSitting = !outcome.newRevision && editSession != null && latest.editSession !== editSession;
  const created = outcome.newRevision || newSitting;
  const revisionNo = created ? latest.revisionNo + 1 : latest.revisionNo;
  const row = await writeSave(db, {
    findingId,
    lockVersion,
    actorId: actor.id,
    target: created
      ? { newRevision: true, revisionNo, basedOn: latest.id }
      : { newRevision: false, revisionId: latest.id },
    content: contentColumns(content, labels),
    changeSummary,
    editSession,
    // The listing follows the latest revision until one is approved.
    listing: !f.approvedRevisionId,
    events: created
      ? [
          {
            action: 'finding.revision_start',
            detail: { revisionNo, basedOn: latest.revisionNo, previousStatus: f.status },
          },
        ]
      : [],
  });
  if (!row) return lostRace(db, findingId);
  return { revisionId: row.revisionId, revisionNo, lockVersion: row.lockVersion, created };
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
  return saveDraftTx(db, actor, input.findingId, input.lockVersion, content, changeSummary, input.editSession ?? null);
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
  if (!draft) return submitTx(db, actor, input.findingId, input.lockVersion);
  return db.transaction(async (tx) => {
    const saved = await saveDraftTx(
      tx,
      actor,
      input.findingId,
      input.lockVersion,
      draft,
      summaryInput,
      input.editSession ?? null,
    );
    return submitTx(tx, actor, input.findingId, saved.lockVersion);
  });
}

/** Duplicates first, then the evidence (read together): a duplicate is reported before a quote problem. */
async function checkSubmission(db: DbOrTx, f: FindingHead, content: FindingContent) {
  const [dups, evidence] = await Promise.allSettled([
    findDuplicates(db, f.id, f.sourceId, content),
    checkEvidence(db, f.sourceId, content),
  ]);
  if (dups.status === 'rejected') throw dups.reason;
  if (dups.value.length)
    throw new DomainError(
      'conflict',
      'duplicate',
      `An identical finding already exists (same DOI, target organ, recipient cell and cargo): ${dups.value.join(', ')}.`,
      undefined,
      { duplicates: dups.value },
    );
  if (evidence.status === 'rejected') throw evidence.reason;
  return evidence.value;
}

async function submitTx(db: DbOrTx, actor: Actor, findingId: number, lockVersion: number) {
  const [state, terms] = await together(readFindingState(db, findingId), loadTermsOfLatest(db, findingId));
  checkVersion(state, lockVersion);
  const { f, latest } = state;
  const outcome = transition('submit', workflowContext(f, latest, actor));
  if (!outcome.ok) throw new DomainError(outcome.error, 'finding', outcome.message);
  // Terms are checked again: one may have become obsolete since the draft was saved.
  const parsed = parseOrThrow(findingContentSchema, revisionToContent(latest));
  const { content } = await checkLoadedTerms(db, terms, parsed);
  const changeSummary = latest.changeSummary || (latest.revisionNo === 1 ? 'New finding' : '');
  if (!changeSummary)
    throw new DomainError('invalid', 'finding', 'Some fields need attention.', undefined, {
      fields: { changeSummary: 'Say in a few words what this revision changes.' },
    });
  const { anchor, verified } = await checkSubmission(db, f, content as FindingContent);
  const row = await writeSubmit(db, {
    findingId,
    lockVersion,
    actorId: actor.id,
    revisionId: latest.id,
    changeSummary,
    evidenceAnchor: anchor,
    evidenceVerified: verified,
    events: [{ action: 'finding.submit', detail: { revisionNo: latest.revisionNo } }],
  });
  if (!row) return lostRace(db, findingId);
  return { lockVersion: row.lockVersion, revisionNo: latest.revisionNo };
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
