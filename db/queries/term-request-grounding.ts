/**
 * "Ground every finding using that text": after a term request is accepted or mapped, the
 * findings whose latest revision carries the request's label as free text (curie null) in a field
 * that accepts the term's kind get a new revision with the text grounded to the term — through
 * the normal write path (save + submit, as the admin), so each goes to review like any edit.
 * Nothing is written silently: a preview lists what would change and what would be skipped.
 */
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DomainError, isDomainError } from '../../lib/errors';
import { revisionToContent } from '../../lib/finding/from-row';
import { GROUNDED_FIELDS } from '../../lib/vocab/fields';
import type { TermRef } from '../../lib/vocab/term-ref';
import type { Role } from '../../lib/vocab/terms';
import { transition } from '../../lib/workflow';
import type { Db } from '../client';
import { findingRevisions, findings, termRequests, terms, users } from '../schema';
import { recordAudit } from './audit';
import { submitFinding } from './curation';

type Actor = { id: number; role: Role };

/** The list fields of a finding that hold TermRefs (single-valued fields hold a CURIE, never free text). */
const LIST_FIELDS = ['evSourceTerms', 'recipientCellTerms', 'diseaseTerms', 'targetGeneTerms', 'methodTerms'] as const;
type ListField = (typeof LIST_FIELDS)[number];

export type Skipped = { publicId: string; reason: string };
export type GroundingPlan = {
  requestId: number;
  text: string;
  term: { curie: string; label: string; kind: string };
  fields: ListField[];
  ready: { findingId: number; publicId: string; lockVersion: number }[];
  skipped: Skipped[];
};

const norm = (s: string) => s.trim().toLowerCase();

async function resolvedRequest(db: Db, id: number) {
  const [r] = await db
    .select({ id: termRequests.id, label: termRequests.label, status: termRequests.status, term: terms })
    .from(termRequests)
    .leftJoin(terms, eq(terms.curie, termRequests.resolvedTerm))
    .where(eq(termRequests.id, id));
  if (!r) throw new DomainError('not_found', 'term_request', `No term request #${id}.`, 'id');
  if (!r.term || (r.status !== 'accepted' && r.status !== 'mapped'))
    throw new DomainError(
      'conflict',
      'term_request',
      r.status === 'open'
        ? `Request #${id} is still open; accept it or map it to a term first.`
        : `Request #${id} was ${r.status}; there is no term to ground its text to.`,
    );
  if (r.term.obsolete)
    throw new DomainError(
      'conflict',
      'term_request',
      `${r.term.curie} is obsolete; findings cannot be grounded to it.`,
    );
  return { ...r, term: r.term };
}

/**
 * The findings that use the text, each ready to ground or skipped with the reason. The text is
 * looked for in what the actor may see: the latest revision, or — when that is someone else's
 * private draft — the approved one (a private draft's content is its author's alone).
 */
export async function planGrounding(db: Db, actor: Actor, requestId: number): Promise<GroundingPlan> {
  const r = await resolvedRequest(db, requestId);
  const fields = LIST_FIELDS.filter((f) => (GROUNDED_FIELDS[f].kinds as readonly string[]).includes(r.term.kind));
  const plan: GroundingPlan = {
    requestId,
    text: r.label,
    term: { curie: r.term.curie, label: r.term.label, kind: r.term.kind },
    fields,
    ready: [],
    skipped: [],
  };
  if (!fields.length) return plan;
  const latest = alias(findingRevisions, 'latest');
  const seen = alias(findingRevisions, 'seen');
  const uses = (f: ListField): SQL =>
    sql`exists (select 1 from jsonb_array_elements(${seen[f]}) e
                where e->>'curie' is null and lower(btrim(e->>'label')) = ${norm(r.label)})`;
  const rows = await db
    .select({
      findingId: findings.id,
      publicId: findings.publicId,
      lockVersion: findings.lockVersion,
      status: findings.status,
      hasApproved: sql<boolean>`${findings.approvedRevisionId} is not null`,
      authorId: latest.authorId,
      author: users.name,
      draft: sql<boolean>`${latest.submittedAt} is null`,
    })
    .from(findings)
    .innerJoin(latest, eq(latest.id, findings.latestRevisionId))
    .innerJoin(users, eq(users.id, latest.authorId))
    .innerJoin(
      seen,
      sql`${seen.id} = case when ${latest.submittedAt} is null and ${latest.authorId} <> ${actor.id}
                       then ${findings.approvedRevisionId} else ${latest.id} end`,
    )
    .where(or(...fields.map(uses)))
    .orderBy(asc(findings.id));
  for (const f of rows) {
    const skip = (reason: string) => plan.skipped.push({ publicId: f.publicId, reason });
    if (f.draft && f.authorId !== actor.id) skip(`${f.author} has an unsubmitted draft of this finding.`);
    else if (f.draft) skip('You have an unsubmitted draft of this finding; ground the text there and submit it.');
    else {
      const outcome = transition('edit', {
        status: f.status,
        role: actor.role,
        isAuthor: f.authorId === actor.id,
        latestIsDraft: false,
        hasApproved: f.hasApproved,
        approvals: 0,
        approvalsRequired: 1,
        actorDecided: false,
        comment: '',
      });
      if (outcome.ok) plan.ready.push({ findingId: f.findingId, publicId: f.publicId, lockVersion: f.lockVersion });
      else skip(outcome.message);
    }
  }
  return plan;
}

/** A list with the text replaced by the term (once: a list already holding the term keeps its place). */
function groundList(list: TermRef[], text: string, term: { curie: string; label: string }): TermRef[] {
  const has = list.some((t) => t.curie === term.curie);
  let placed = has;
  const out: TermRef[] = [];
  for (const t of list) {
    if (t.curie !== null || norm(t.label) !== norm(text)) out.push(t);
    else if (!placed) {
      out.push({ curie: term.curie, label: term.label });
      placed = true;
    }
  }
  return out;
}

export function groundingSummary(text: string, curie: string, requestId: number): string {
  const shown = text.length > 150 ? `${text.slice(0, 149)}…` : text;
  return `Grounded “${shown}” to ${curie} (term request #${requestId})`;
}

/** Ground every ready finding of the plan, one transaction (a new submitted revision) each. */
export async function groundFindingsByText(
  db: Db,
  actor: Actor,
  requestId: number,
): Promise<{ grounded: string[]; skipped: Skipped[] }> {
  const plan = await planGrounding(db, actor, requestId);
  const grounded: string[] = [];
  const skipped = [...plan.skipped];
  const changeSummary = groundingSummary(plan.text, plan.term.curie, requestId);
  for (const f of plan.ready) {
    try {
      const [row] = await db
        .select({ rev: findingRevisions })
        .from(findingRevisions)
        .innerJoin(findings, eq(findings.latestRevisionId, findingRevisions.id))
        .where(and(eq(findings.id, f.findingId), eq(findings.lockVersion, f.lockVersion)));
      if (!row) throw new DomainError('conflict', 'finding', 'It changed while grounding; run the grounding again.');
      const content = revisionToContent(row.rev);
      for (const field of plan.fields) content[field] = groundList(content[field], plan.text, plan.term);
      // Saved as a new revision and submitted in one transaction; its lock version guards against a concurrent edit.
      await submitFinding(db, actor, { findingId: f.findingId, lockVersion: f.lockVersion, content, changeSummary });
      grounded.push(f.publicId);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      skipped.push({ publicId: f.publicId, reason: e.message });
    }
  }
  await recordAudit(db, {
    actorId: actor.id,
    action: 'term_request.ground',
    entity: 'term_request',
    entityId: requestId,
    detail: { term: plan.term.curie, text: plan.text, grounded, skipped },
  });
  return { grounded, skipped };
}
