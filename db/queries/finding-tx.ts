/**
 * The building blocks every transaction on a finding shares: who acts, the
 * shared-schema parse, the row lock, the lock-version check and the workflow
 * context. db/queries/curation.ts, review.ts and import.ts are built on them.
 */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../lib/errors';
import type { FindingDraft } from '../../lib/finding/schema';
import type { Role } from '../../lib/vocab/terms';
import type { WorkflowContext } from '../../lib/workflow';
import type { Tx } from '../client';
import { conflictWith, readFindingState } from './finding-state';
import {
  findingRevisions,
  findings,
  type Finding,
  type FindingRevision,
  type NewFinding,
  type NewFindingRevision,
} from '../schema';

export type Actor = { id: number; role: Role };

/** Parse with a shared schema; invalid input becomes one DomainError with a message per field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, entity = 'finding'): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[issue.path.map(String).join('.') || 'root'] ??= issue.message;
  throw new DomainError('invalid', entity, 'Some fields need attention.', undefined, { fields });
}

/** The content columns of a revision row: everything but identity, authorship and timestamps. */
export type RevisionContent = Omit<
  Required<NewFindingRevision>,
  | 'id'
  | 'findingId'
  | 'revisionNo'
  | 'basedOnRevisionId'
  | 'authorId'
  | 'changeSummary'
  | 'createdAt'
  | 'updatedAt'
  | 'submittedAt'
  | 'editSession'
  | 'evidenceVerified'
>;

/** Labels of a content's single-valued terms, from checkTerms (db/queries/term-check.ts). */
export type TermLabels = { targetOrgan: string; origin: string; species: string };

/**
 * A content's revision columns (ids and their labels; a draft's empty choices get empty labels).
 * The content must have passed checkTerms, which gives the labels.
 * The return type breaks the build when a column is added and not written here.
 */
export function contentColumns(c: FindingDraft, labels: TermLabels): RevisionContent {
  return {
    targetOrgan: c.targetOrgan,
    targetOrganLabel: labels.targetOrgan,
    origin: c.origin,
    originLabel: labels.origin,
    direction: c.direction,
    species: c.species,
    speciesLabel: labels.species,
    evSource: c.evSource,
    evSourceTerms: c.evSourceTerms,
    cargo: c.cargo,
    recipientCell: c.recipientCell,
    recipientCellTerms: c.recipientCellTerms,
    modelDisease: c.modelDisease,
    diseaseTerms: c.diseaseTerms,
    condition: c.condition,
    result: c.result,
    studyType: c.studyType,
    effectDirection: c.effectDirection,
    mechanism: c.mechanism,
    targetGeneTerms: c.targetGeneTerms,
    evType: c.evType,
    separationMethods: c.separationMethods,
    particleAnalysis: c.particleAnalysis,
    emMethods: c.emMethods,
    methodTerms: c.methodTerms,
    markersPositive: c.markersPositive,
    markersNegative: c.markersNegative,
    evidenceQuote: c.evidenceQuote,
    evidenceLocation: c.evidenceLocation,
    evidenceAnchor: c.evidenceAnchor,
    evidenceUnverified: c.evidenceUnverified,
    curatorNote: c.curatorNote,
  };
}

/**
 * A new finding's row, before its first revision: source, creator and the browse columns known
 * from the content (refreshListing completes the rest). The caller adds the workflow status.
 */
export function newFindingRow(
  source: { id: number; doi: string; year: number | null },
  content: Pick<FindingDraft, 'targetOrgan' | 'origin' | 'direction' | 'species'>,
  createdBy: number,
): Omit<NewFinding, 'status'> {
  return {
    sourceId: source.id,
    createdBy,
    targetOrgan: content.targetOrgan,
    origin: content.origin,
    direction: content.direction,
    species: content.species,
    doi: source.doi,
    year: source.year,
  };
}

/**
 * Lock a finding's row for the rest of the transaction and read it with its latest revision.
 * The two reads are sent together (one round trip: a write transaction's time here is mostly
 * round trips). Which runs first is not guaranteed, so a revision read before the lock was
 * ours can be one that a just-committed edit replaced: then it is read again, under the lock.
 * A draft edited in place keeps its id, but such an edit also bumps lock_version, so callers
 * follow this with checkLock: when the version is the one the caller saw, so is the revision.
 * (One joined SELECT … FOR UPDATE would not do: after waiting for the lock, PostgreSQL
 * rechecks the join against the newer row with the statement's old snapshot, which does not
 * hold the new revision, and returns nothing.)
 */
export async function lockFinding(tx: Tx, findingId: number): Promise<{ f: Finding; latest: FindingRevision }> {
  const [[f], [read]] = await together(
    tx.select().from(findings).where(eq(findings.id, findingId)).for('update'),
    tx
      .select()
      .from(findingRevisions)
      .where(sql`${findingRevisions.id} = (select latest_revision_id from findings where id = ${findingId})`),
  );
  if (!f) throw new DomainError('not_found', 'finding', 'No such finding.');
  if (read && read.id === f.latestRevisionId) return { f, latest: read };
  const [latest] = await tx.select().from(findingRevisions).where(eq(findingRevisions.id, f.latestRevisionId!));
  if (!latest) throw new Error(`finding ${f.id} has no latest revision`);
  return { f, latest };
}

/** The finding, locked, is at `lockVersion`; else the conflict that shows it as it is now (finding-state.ts). */
export async function checkLock(tx: Tx, f: Finding, lockVersion: number) {
  if (f.lockVersion !== lockVersion) throw conflictWith(await readFindingState(tx, f.id));
}

/** The workflow context of a finding for one actor; decisions add their approval counts and comment. */
export function workflowContext(
  f: Pick<Finding, 'status' | 'approvedRevisionId'>,
  latest: Pick<FindingRevision, 'authorId' | 'submittedAt'>,
  actor: Actor,
  extra: Partial<WorkflowContext> = {},
): WorkflowContext {
  return {
    status: f.status,
    role: actor.role,
    isAuthor: latest.authorId === actor.id,
    latestIsDraft: !latest.submittedAt,
    hasApproved: f.approvedRevisionId != null,
    approvals: 0,
    approvalsRequired: 1,
    actorDecided: false,
    comment: '',
    ...extra,
  };
}

/**
 * Statements that do not depend on one another, sent together on the transaction's connection
 * (one round trip instead of one each). Their order is not guaranteed. When one fails the
 * others fail too (the transaction is aborted); the error thrown is that of the first failed
 * statement in argument order, not whichever rejection happened to surface first.
 */
export async function together<T extends readonly unknown[]>(
  ...statements: { [K in keyof T]: PromiseLike<T[K]> }
): Promise<T> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
