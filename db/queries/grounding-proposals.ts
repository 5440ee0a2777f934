/**
 * The grounding queue: proposals db/grounding.ts opened (a synonym-only match, several candidate
 * terms, a miRNA named without its arm) and a curator's choice on each. Choosing a term writes a
 * normal revision of the finding — draft and submit, in one transaction with closing the
 * proposal — so it goes to review like any edit; "none of these" closes the proposal and leaves
 * the finding as it is.
 */
import { and, asc, count, eq, gt } from 'drizzle-orm';
import { DomainError } from '../../lib/errors';
import { revisionToContent } from '../../lib/finding/from-row';
import type { FindingContent, FindingDraft } from '../../lib/finding/schema';
import { GROUNDED_FIELDS } from '../../lib/vocab/fields';
import { GROUNDING_FIELD_LABELS, type GroundingField, TEXT_FIELDS } from '../../lib/vocab/ground-content';
import { normalizeTermText, splitFieldText, type TextIndex } from '../../lib/vocab/ground-text';
import type { TermRef } from '../../lib/vocab/term-ref';
import type { Db, Tx } from '../client';
import { loadGroundingIndexes } from '../grounding';
import { findings, groundingProposals, users } from '../schema';
import { recordAudit } from './audit';
import { type Actor, submitFinding } from './curation';
import { lockFinding } from './finding-tx';

export type OpenProposal = {
  id: number;
  findingId: number;
  publicId: string;
  field: GroundingField;
  fieldLabel: string;
  text: string;
  candidates: { curie: string; label: string }[];
  reason: string;
};

/** One page of open proposals, oldest first, after the proposal id `after`; `next` is the cursor of the page after. */
export async function listOpenProposals(
  db: Db,
  page: { after?: number; limit: number },
): Promise<{ rows: OpenProposal[]; total: number; next: number | null }> {
  const open = eq(groundingProposals.status, 'open');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: groundingProposals.id,
        findingId: groundingProposals.findingId,
        publicId: findings.publicId,
        field: groundingProposals.field,
        text: groundingProposals.text,
        candidates: groundingProposals.candidates,
        reason: groundingProposals.reason,
      })
      .from(groundingProposals)
      .innerJoin(findings, eq(findings.id, groundingProposals.findingId))
      .where(and(open, page.after === undefined ? undefined : gt(groundingProposals.id, page.after)))
      .orderBy(asc(groundingProposals.id))
      .limit(page.limit + 1),
    db.select({ n: count() }).from(groundingProposals).where(open),
  ]);
  const shown = rows.slice(0, page.limit);
  return {
    rows: shown.map((r) => ({
      ...r,
      field: r.field as GroundingField,
      fieldLabel: GROUNDING_FIELD_LABELS[r.field as GroundingField] ?? r.field,
    })),
    total: Number(total?.n ?? 0),
    next: rows.length > page.limit ? shown[shown.length - 1]!.id : null,
  };
}

const changed = (what: string) =>
  new DomainError(
    'conflict',
    'grounding_proposal',
    `The finding changed since this was proposed: ${what}. Choose "none of these" to close the proposal, and ground the text in the editor.`,
  );

/** The list with the proposal's text grounded (a list already holding the term keeps it once). */
function groundInList(list: TermRef[], text: string, term: { curie: string; label: string }): TermRef[] {
  const at = list.findIndex((t) => t.curie === null && normalizeTermText(t.label) === normalizeTermText(text));
  if (at < 0) {
    if (list.some((t) => normalizeTermText(t.label) === normalizeTermText(text)))
      throw changed(`"${text}" is grounded already`);
    throw changed(`"${text}" is no longer in it`);
  }
  const has = list.some((t) => t.curie === term.curie);
  return list.flatMap((t, i) => (i !== at ? [t] : has ? [] : [{ curie: term.curie, label: term.label }]));
}

/** The finding's content with the proposal's text grounded to the chosen term. */
function applyChoice(
  content: FindingContent,
  p: { field: string; text: string },
  term: { curie: string; label: string },
  index: TextIndex,
): FindingContent {
  if (p.field === 'cargo') {
    const key = normalizeTermText(p.text);
    const at = content.cargo.findIndex((c) => !c.curie && normalizeTermText(c.name) === key);
    if (at < 0)
      throw changed(
        content.cargo.some((c) => normalizeTermText(c.name) === key)
          ? `the cargo item "${p.text}" is grounded already`
          : `no cargo item is named "${p.text}"`,
      );
    return { ...content, cargo: content.cargo.map((c, i) => (i === at ? { ...c, curie: term.curie } : c)) };
  }
  const spec = TEXT_FIELDS.find((f) => f.terms === p.field);
  if (!spec) throw new Error(`grounding proposal of an unknown field ${p.field}`);
  let list = content[spec.terms];
  // Nothing of the finding grounded by itself, so the field has no list yet: its pieces, as text.
  if (list.length === 0)
    list = splitFieldText(content[spec.text], index, GROUNDED_FIELDS[spec.terms].kinds).map((label) => ({
      curie: null,
      label,
    }));
  return { ...content, [spec.terms]: groundInList(list, p.text, term) };
}

async function lockOpenProposal(tx: Tx, id: number) {
  const [p] = await tx.select().from(groundingProposals).where(eq(groundingProposals.id, id)).for('update');
  if (!p) throw new DomainError('not_found', 'grounding_proposal', 'No such grounding proposal.', 'proposalId');
  if (p.status !== 'open') {
    const [by] = p.resolvedBy
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, p.resolvedBy))
      : [];
    throw new DomainError(
      'conflict',
      'grounding_proposal',
      `This proposal was ${p.status} already${by ? ` by ${by.name}` : ''}.`,
    );
  }
  return p;
}

export type ProposalOutcome =
  | { status: 'dismissed'; publicId: string }
  | { status: 'resolved'; publicId: string; revisionNo: number; lockVersion: number };

/**
 * A curator's choice on an open proposal: one of its candidates (a new revision of the finding,
 * submitted for review) or null, "none of these" (the proposal is dismissed, the finding unchanged).
 */
export async function resolveGroundingProposal(
  db: Db,
  actor: Actor,
  input: { proposalId: number; curie: string | null },
): Promise<ProposalOutcome> {
  return db.transaction(async (tx) => {
    const p = await lockOpenProposal(tx, input.proposalId);
    const [f] = await tx.select({ publicId: findings.publicId }).from(findings).where(eq(findings.id, p.findingId));
    const close = (status: 'resolved' | 'dismissed') =>
      tx
        .update(groundingProposals)
        .set({ status, resolvedBy: actor.id, resolvedAt: new Date() })
        .where(and(eq(groundingProposals.id, p.id), eq(groundingProposals.status, 'open')));
    const audit = (detail: Record<string, unknown>) =>
      recordAudit(tx, {
        actorId: actor.id,
        action: input.curie ? 'grounding.resolve' : 'grounding.dismiss',
        entity: 'finding',
        entityId: p.findingId,
        detail: { proposalId: p.id, field: p.field, text: p.text, ...detail },
      });
    if (input.curie === null) {
      await close('dismissed');
      await audit({});
      return { status: 'dismissed', publicId: f!.publicId };
    }
    const term = p.candidates.find((c) => c.curie === input.curie);
    if (!term)
      throw new DomainError('invalid', 'grounding_proposal', 'Some fields need attention.', undefined, {
        fields: { curie: 'Choose one of the proposed terms, or “none of these”.' },
      });
    const { f: locked, latest } = await lockFinding(tx, p.findingId);
    if (!latest.submittedAt && latest.authorId === actor.id)
      throw new DomainError(
        'conflict',
        'finding',
        'You have an unsubmitted draft of this finding: choose the term in the editor, or submit the draft first.',
      );
    // Someone else's open draft is refused by the save below, naming them.
    const index = (await loadGroundingIndexes(tx, { geneNames: [], mirnaSpecies: [] })).text;
    const content = applyChoice(revisionToContent(latest), p, term, index);
    const fieldLabel = GROUNDING_FIELD_LABELS[p.field as GroundingField] ?? p.field;
    const summary = `Grounding queue: "${p.text}" (${fieldLabel}) → ${term.label} (${term.curie})`;
    // A savepoint inside this transaction: the revision and the closed proposal commit together.
    const submitted = await submitFinding(tx as unknown as Db, actor, {
      findingId: p.findingId,
      lockVersion: locked.lockVersion,
      content: content as FindingDraft,
      changeSummary: summary.length <= 300 ? summary : `${summary.slice(0, 299)}…`,
    });
    await close('resolved');
    await audit({ curie: term.curie, revisionNo: submitted.revisionNo });
    return { status: 'resolved', publicId: f!.publicId, ...submitted };
  });
}
