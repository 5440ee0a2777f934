/**
 * Term requests: a curator asks for a term the vocabularies lack; an admin accepts it as a local
 * term (EVXT:…, a row of `terms` with its ancestors), maps its text to an existing term, or
 * declines it. Each step is one transaction with its audit event; a request is decided once.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DomainError } from '../../lib/errors';
import { KIND_LABELS } from '../../lib/vocab/fields';
import { LOCAL_VOCABULARY, type TermKind } from '../../lib/vocab/sources';
import {
  type AcceptTermRequest,
  type DeclineTermRequest,
  localCurieOf,
  type MapTermRequest,
  PARENT_KINDS,
  type TermRequest,
  type TermRequestStatus,
} from '../../lib/vocab/term-request-schema';
import { searchTextOf } from '../../lib/vocab/tsv';
import type { Db, DbOrTx, Tx } from '../client';
import { termAncestors, termRequests, terms, users } from '../schema';
import { recordAudit } from './audit';

type Actor = { id: number };
type TermFacts = { curie: string; kind: string; label: string; obsolete: boolean; replacedBy: string | null };

const kindLabel = (k: string) => KIND_LABELS[k as TermKind] ?? k;

async function termOf(db: DbOrTx, curie: string): Promise<TermFacts | undefined> {
  const [t] = await db
    .select({
      curie: terms.curie,
      kind: terms.kind,
      label: terms.label,
      obsolete: terms.obsolete,
      replacedBy: terms.replacedBy,
    })
    .from(terms)
    .where(eq(terms.curie, curie));
  return t;
}

/** Why this term cannot be used where `kinds` are accepted, or null. */
function termProblem(curie: string, t: TermFacts | undefined, kinds: readonly TermKind[], what: string) {
  if (!t) return `Unknown term id ${curie}.`;
  if (t.obsolete)
    return `${curie} (${t.label}) is obsolete${t.replacedBy ? `; it was replaced by ${t.replacedBy}` : ''}.`;
  if (!kinds.includes(t.kind as TermKind))
    return `${curie} (${t.label}) is ${kindLabel(t.kind)}; ${what} must be ${kinds.map(kindLabel).join(' or ')}.`;
  return null;
}

const invalidField = (field: string, message: string) =>
  new DomainError('invalid', 'term_request', message, field, { fields: { [field]: message } });

/** A current term of this kind that already has this label, if any. */
async function termWithLabel(db: DbOrTx, kind: string, label: string) {
  const [t] = await db
    .select({ curie: terms.curie, label: terms.label })
    .from(terms)
    .where(and(eq(terms.kind, kind), sql`lower(${terms.label}) = lower(${label})`, eq(terms.obsolete, false)))
    .limit(1);
  return t;
}

/** Record a curator's request (any signed-in curator, reviewer or admin). */
export async function createTermRequest(db: Db, actor: Actor, input: TermRequest): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    if (input.parentCurie) {
      const problem = termProblem(
        input.parentCurie,
        await termOf(tx, input.parentCurie),
        PARENT_KINDS[input.kind],
        `the parent of ${kindLabel(input.kind)}`,
      );
      if (problem) throw invalidField('parentCurie', problem);
    }
    const existing = await termWithLabel(tx, input.kind, input.label);
    if (existing)
      throw invalidField('label', `${existing.curie} (${existing.label}) already names this; use it instead.`);
    const [open] = await tx
      .select({ id: termRequests.id })
      .from(termRequests)
      .where(
        and(
          eq(termRequests.status, 'open'),
          eq(termRequests.kind, input.kind),
          sql`lower(${termRequests.label}) = lower(${input.label})`,
        ),
      )
      .limit(1);
    if (open) throw invalidField('label', `Request #${open.id} already asks for this term and is open.`);
    const [row] = await tx
      .insert(termRequests)
      .values({ ...input, parentCurie: input.parentCurie ?? null, requestedBy: actor.id })
      .returning({ id: termRequests.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'term_request.create',
      entity: 'term_request',
      entityId: row!.id,
      detail: { kind: input.kind, label: input.label, parent: input.parentCurie ?? null },
    });
    return { id: row!.id };
  });
}

type RequestRow = typeof termRequests.$inferSelect;

/** Lock an open request for a decision; a decided one is a conflict (decisions are made once). */
async function lockOpenRequest(tx: Tx, id: number): Promise<RequestRow> {
  const [r] = await tx.select().from(termRequests).where(eq(termRequests.id, id)).for('update');
  if (!r) throw new DomainError('not_found', 'term_request', `No term request #${id}.`, 'id');
  if (r.status !== 'open')
    throw new DomainError(
      'conflict',
      'term_request',
      `Request #${id} was already ${r.status}${r.resolvedTerm ? ` (${r.resolvedTerm})` : ''}; it is decided once.`,
      undefined,
      { status: r.status },
    );
  return r;
}

async function resolve(
  tx: Tx,
  actor: Actor,
  r: RequestRow,
  status: Exclude<TermRequestStatus, 'open'>,
  term: string | null,
  note: string,
) {
  await tx
    .update(termRequests)
    .set({ status, resolvedTerm: term, resolvedBy: actor.id, resolvedAt: new Date(), resolutionNote: note })
    .where(eq(termRequests.id, r.id));
  const action = { accepted: 'accept', mapped: 'map', declined: 'decline' }[status];
  await recordAudit(tx, {
    actorId: actor.id,
    action: `term_request.${action}`,
    entity: 'term_request',
    entityId: r.id,
    detail: { kind: r.kind, label: r.label, term, note },
  });
}

/** Accept as a local term EVXT:000000N (N the request's id), with its place in the hierarchy. */
export async function acceptTermRequest(db: Db, actor: Actor, input: AcceptTermRequest) {
  return db.transaction(async (tx) => {
    const r = await lockOpenRequest(tx, input.id);
    const kind = r.kind as TermKind;
    if (r.parentCurie) {
      const problem = termProblem(r.parentCurie, await termOf(tx, r.parentCurie), PARENT_KINDS[kind], 'its parent');
      if (problem) throw new DomainError('conflict', 'term_request', `The requested parent no longer fits: ${problem}`);
    }
    const clash = await termWithLabel(tx, kind, r.label);
    if (clash)
      throw new DomainError(
        'conflict',
        'term_request',
        `${clash.curie} (${clash.label}) already has this label; map the request to it instead.`,
      );
    const curie = localCurieOf(r.id);
    await tx.insert(terms).values({
      curie,
      vocab: LOCAL_VOCABULARY.id,
      kind,
      label: r.label,
      synonyms: [],
      xrefs: [],
      parents: r.parentCurie ? [r.parentCurie] : [],
      sourceVersion: 'local',
      searchText: searchTextOf({ curie, label: r.label, synonyms: [], xrefs: [] }),
      extra: { definition: r.definition, requested_by: String(r.requestedBy) },
    });
    await tx.insert(termAncestors).values({ curie, ancestor: curie, depth: 0 });
    // Its ancestors are its parent's, one step further; the parent's closure is already loaded.
    if (r.parentCurie)
      await tx.execute(
        sql`insert into ${termAncestors} (curie, ancestor, depth)
            select ${curie}, ancestor, depth + 1 from ${termAncestors} where curie = ${r.parentCurie}`,
      );
    await resolve(tx, actor, r, 'accepted', curie, input.note);
    return { id: r.id, curie };
  });
}

/** Map the request's text to an existing, current term of the kind it asked for. */
export async function mapTermRequest(db: Db, actor: Actor, input: MapTermRequest) {
  return db.transaction(async (tx) => {
    const r = await lockOpenRequest(tx, input.id);
    const problem = termProblem(input.curie, await termOf(tx, input.curie), [r.kind as TermKind], 'the target');
    if (problem) throw invalidField('curie', problem);
    await resolve(tx, actor, r, 'mapped', input.curie, input.note);
    return { id: r.id, curie: input.curie };
  });
}

export async function declineTermRequest(db: Db, actor: Actor, input: DeclineTermRequest) {
  return db.transaction(async (tx) => {
    const r = await lockOpenRequest(tx, input.id);
    await resolve(tx, actor, r, 'declined', null, input.note);
    return { id: r.id };
  });
}

export type TermRequestView = {
  id: number;
  kind: string;
  label: string;
  definition: string;
  parentCurie: string | null;
  parentLabel: string | null;
  reason: string;
  status: TermRequestStatus;
  requestedBy: string;
  createdAt: Date;
  resolvedTerm: string | null;
  resolvedLabel: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolutionNote: string;
};

/** Requests, newest first, optionally of one status (the requests page; every signed-in user sees them). */
export async function listTermRequests(
  db: DbOrTx,
  status: TermRequestStatus | 'all' = 'all',
  limit = 200,
): Promise<TermRequestView[]> {
  const parent = alias(terms, 'parent');
  const resolved = alias(terms, 'resolved');
  const requester = alias(users, 'requester');
  const resolver = alias(users, 'resolver');
  const rows = await db
    .select({
      id: termRequests.id,
      kind: termRequests.kind,
      label: termRequests.label,
      definition: termRequests.definition,
      parentCurie: termRequests.parentCurie,
      parentLabel: parent.label,
      reason: termRequests.reason,
      status: termRequests.status,
      requestedBy: requester.name,
      createdAt: termRequests.createdAt,
      resolvedTerm: termRequests.resolvedTerm,
      resolvedLabel: resolved.label,
      resolvedBy: resolver.name,
      resolvedAt: termRequests.resolvedAt,
      resolutionNote: termRequests.resolutionNote,
    })
    .from(termRequests)
    .innerJoin(requester, eq(requester.id, termRequests.requestedBy))
    .leftJoin(resolver, eq(resolver.id, termRequests.resolvedBy))
    .leftJoin(parent, eq(parent.curie, termRequests.parentCurie))
    .leftJoin(resolved, eq(resolved.curie, termRequests.resolvedTerm))
    .where(status === 'all' ? undefined : eq(termRequests.status, status))
    .orderBy(desc(termRequests.createdAt), desc(termRequests.id))
    .limit(limit);
  return rows as TermRequestView[];
}
