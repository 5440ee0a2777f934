/**
 * Grounding the findings already in the database (the 33 seeded ones and any others): each
 * approved finding's free text is matched against the vocabularies (lib/vocab/ground-content.ts).
 * What matches exactly one term's label is written as a NEW approved revision by the system import
 * user — the earlier revision stays as it was, and the history shows the change. What matches only
 * by synonym, or several terms, opens a grounding proposal that curators decide on /grounding.
 *
 * Only approved findings with no edit in progress are grounded here. A draft is private to its
 * author, and a submitted or returned revision is in a curator's or reviewer's hands: writing a
 * revision over it would bypass them, and a proposal would show a private draft's text to others.
 * Those findings are listed in the report, and their curators ground them in the editor.
 *
 * Idempotent: a field that holds terms, and a cargo item with a term id, are not looked at again;
 * a proposal is opened once per finding, field and text, whatever became of it.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { revisionToContent } from '../lib/finding/from-row';
import { HUMAN, isGroundableCargo } from '../lib/vocab/ground-cargo';
import { type FieldPiece, type GroundingIndexes, groundContent } from '../lib/vocab/ground-content';
import { buildTextIndex, formatProposalReason, type GroundedPiece } from '../lib/vocab/ground-text';
import { countPiece, emptyGroundingReport, type GroundingReport } from '../lib/vocab/grounding-report';
import { mirnaIndexFromTermRows } from '../lib/vocab/mirna-resolve';
import type { TermKind } from '../lib/vocab/sources';
import type { Db, DbOrTx, Tx } from './client';
import { recordAudit } from './queries/audit';
import { contentColumns, lockFinding, together } from './queries/finding-tx';
import { refreshListing } from './queries/listing';
import { checkTerms } from './queries/term-check';
import { auditEvents, findingRevisions, findings, groundingProposals, reviews, terms } from './schema';
import { ensureImportUser } from './system-user';

export { formatGroundingReport, type GroundingReport } from '../lib/vocab/grounding-report';

const TEXT_KINDS: TermKind[] = ['anatomy', 'cell', 'cell_line', 'disease', 'phenotype'];

/** What a run needs beyond the text vocabularies: gene symbols by name (human studies) and miRNAs by species. */
export type GroundingScope = { geneNames: readonly string[]; mirnaSpecies: readonly string[] };

const TERM_COLUMNS = {
  curie: terms.curie,
  kind: terms.kind,
  label: terms.label,
  synonyms: terms.synonyms,
  species: terms.species,
  extra: terms.extra,
};

/**
 * The current terms a run needs, indexed once: every anatomy, cell, cell line, disease and
 * phenotype term; of the 19,000 gene symbols only those named (gene grounding is exact, by label
 * or HGNC synonym); the miRNAs of the study species in question.
 */
export async function loadGroundingIndexes(db: DbOrTx, scope: GroundingScope): Promise<GroundingIndexes> {
  const current = eq(terms.obsolete, false);
  const names = [...new Set(scope.geneNames.map((n) => n.toLowerCase()))];
  const nameList = sql.join(
    names.map((n) => sql`${n}`),
    sql`, `,
  );
  const [text, genes, mirnas] = await Promise.all([
    db
      .select(TERM_COLUMNS)
      .from(terms)
      .where(and(current, inArray(terms.kind, [...TEXT_KINDS, 'taxon']))),
    names.length
      ? db
          .select(TERM_COLUMNS)
          .from(terms)
          .where(
            and(
              current,
              eq(terms.kind, 'gene'),
              sql`(lower(${terms.label}) in (${nameList}) or exists (select 1 from unnest(${terms.synonyms}) s where lower(s) in (${nameList})))`,
            ),
          )
      : [],
    scope.mirnaSpecies.length
      ? db
          .select(TERM_COLUMNS)
          .from(terms)
          .where(and(current, eq(terms.kind, 'mirna'), inArray(terms.species, [...scope.mirnaSpecies])))
      : [],
  ]);
  const taxa = new Map(text.filter((r) => r.kind === 'taxon').map((r) => [r.curie, r.label]));
  return {
    text: buildTextIndex(text.filter((r) => r.kind !== 'taxon')),
    genes: buildTextIndex(genes),
    mirna: mirnaIndexFromTermRows(mirnas.map((r) => ({ ...r, kind: r.kind as TermKind }))),
    speciesName: (curie) => taxa.get(curie) ?? curie,
  };
}

/** The scope of the findings about to be grounded: their human protein/mRNA names and their miRNA species. */
async function scopeOf(db: Db, ids: readonly number[]): Promise<GroundingScope> {
  const rows = await db
    .select({ species: findingRevisions.species, cargo: findingRevisions.cargo })
    .from(findings)
    .innerJoin(findingRevisions, eq(findingRevisions.id, findings.latestRevisionId))
    .where(inArray(findings.id, [...ids]));
  const geneNames = new Set<string>();
  const mirnaSpecies = new Set<string>();
  for (const r of rows)
    for (const c of r.cargo) {
      if (c.curie) continue;
      if (c.type === 'miRNA') mirnaSpecies.add(r.species);
      else if (isGroundableCargo(c.type) && r.species === HUMAN) geneNames.add(c.name);
    }
  return { geneNames: [...geneNames], mirnaSpecies: [...mirnaSpecies] };
}

/** The listed revision has text not grounded yet: a text field without terms, or a cargo item that could take one. */
const NEEDS_GROUNDING = sql`(
  (${findingRevisions.evSourceTerms} = '[]'::jsonb and btrim(${findingRevisions.evSource}) <> '')
  or (${findingRevisions.recipientCellTerms} = '[]'::jsonb and btrim(${findingRevisions.recipientCell}) <> '')
  or (${findingRevisions.diseaseTerms} = '[]'::jsonb and btrim(${findingRevisions.modelDisease}) <> '')
  or exists (select 1 from jsonb_array_elements(${findingRevisions.cargo}) e
             where e->>'type' in ('miRNA', 'protein', 'mRNA') and coalesce(e->>'curie', '') = ''))`;

async function findingsToGround(db: Db, ids: readonly number[] | undefined) {
  const rows = await db
    .select({
      id: findings.id,
      publicId: findings.publicId,
      status: findings.status,
      settled: sql<boolean>`(${findings.status} = 'approved' and ${findings.approvedRevisionId} = ${findings.latestRevisionId})`,
    })
    .from(findings)
    .innerJoin(findingRevisions, eq(findingRevisions.id, findings.latestRevisionId))
    .where(and(ids ? inArray(findings.id, [...ids]) : undefined, NEEDS_GROUNDING))
    .orderBy(findings.id);
  return { settled: rows.filter((r) => r.settled), others: rows.filter((r) => !r.settled) };
}

/** Open one proposal per (field, text) this finding has none for yet, whatever became of earlier ones. */
async function openProposals(tx: Tx, findingId: number, pieces: readonly FieldPiece[]) {
  const wanted = pieces.filter(
    (p): p is { field: FieldPiece['field']; piece: Extract<GroundedPiece, { status: 'proposal' }> } =>
      p.piece.status === 'proposal',
  );
  if (!wanted.length) return { opened: 0, known: 0 };
  const existing = await tx
    .select({ field: groundingProposals.field, text: groundingProposals.text })
    .from(groundingProposals)
    .where(eq(groundingProposals.findingId, findingId));
  const seen = new Set(existing.map((e) => `${e.field}\u0000${e.text}`));
  const rows = [];
  let known = 0;
  for (const { field, piece } of wanted) {
    const key = `${field}\u0000${piece.text}`;
    if (seen.has(key)) {
      known++;
      continue;
    }
    seen.add(key);
    rows.push({
      findingId,
      field,
      text: piece.text,
      candidates: piece.candidates.map((c) => ({ curie: c.curie, label: c.label })),
      reason: formatProposalReason(piece),
    });
  }
  if (rows.length) await tx.insert(groundingProposals).values(rows);
  return { opened: rows.length, known };
}

const arrow = ({ field, piece }: FieldPiece) =>
  piece.status === 'grounded' ? `${field} "${piece.text}" → ${piece.term.curie}` : '';

/** "Grounded automatically: exact label matches only (…)", within the 300 characters a change summary has. */
function summaryOf(pieces: readonly FieldPiece[]): string {
  const grounded = pieces.map(arrow).filter(Boolean).join('; ');
  const text = `Grounded automatically: exact label matches only (${grounded})`;
  return text.length <= 300 ? text : `${text.slice(0, 298)}…)`;
}

function reviewCommentOf(pieces: readonly FieldPiece[]): string {
  const n = (s: GroundedPiece['status']) => pieces.filter((p) => p.piece.status === s).length;
  return (
    `Grounded automatically: exact label matches only (report: ${n('grounded')} grounded, ` +
    `${n('proposal')} left as proposals on /grounding, ${n('ungrounded')} ungrounded).`
  );
}

type FindingOutcome = { pieces: FieldPiece[]; opened: number; known: number; revised: boolean; skipped?: string };

/** One finding, in its own transaction: the new approved revision, its review, listing and audit. */
async function groundOne(tx: Tx, ix: GroundingIndexes, findingId: number, importUserId: number) {
  const { f, latest } = await lockFinding(tx, findingId);
  // Someone may have started an edit since the list was read.
  if (f.status !== 'approved' || f.approvedRevisionId !== latest.id)
    return { pieces: [], opened: 0, known: 0, revised: false, skipped: f.status } satisfies FindingOutcome;
  const { content, pieces, changed } = groundContent(ix, revisionToContent(latest));
  const { opened, known } = await openProposals(tx, f.id, pieces);
  if (!changed) return { pieces, opened, known, revised: false } satisfies FindingOutcome;

  const checked = await checkTerms(tx, content);
  const now = new Date();
  const revisionNo = latest.revisionNo + 1;
  const [rev] = await tx
    .insert(findingRevisions)
    .values({
      findingId: f.id,
      revisionNo,
      basedOnRevisionId: latest.id,
      authorId: importUserId,
      changeSummary: summaryOf(pieces),
      submittedAt: now,
      ...contentColumns(checked.content, checked.labels),
      // The quote is the one checked (or not) when the grounded revision was submitted.
      evidenceVerified: latest.evidenceVerified,
    })
    .returning({ id: findingRevisions.id });
  // The revision it replaces was published; the public history knows that from a finding.approved event.
  const [published] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entity, 'finding'),
        eq(auditEvents.entityId, String(f.id)),
        eq(auditEvents.action, 'finding.approved'),
        sql`(${auditEvents.detail}->>'revisionNo')::int = ${latest.revisionNo}`,
      ),
    );
  const event = (action: string, detail: Record<string, unknown>) => ({
    actorId: importUserId,
    action,
    entity: 'finding',
    entityId: f.id,
    detail,
  });
  await together(
    tx.insert(reviews).values({
      revisionId: rev!.id,
      reviewerId: importUserId,
      decision: 'approve',
      comment: reviewCommentOf(pieces),
    }),
    tx
      .update(findings)
      .set({
        latestRevisionId: rev!.id,
        approvedRevisionId: rev!.id,
        approvedAt: now,
        updatedAt: now,
        lockVersion: sql`${findings.lockVersion} + 1`,
      })
      .where(eq(findings.id, f.id)),
    recordAudit(tx, [
      ...(Number(published?.n ?? 0) === 0
        ? [event('finding.approved', { revisionNo: latest.revisionNo, recordedOnGrounding: true })]
        : []),
      event('finding.ground', {
        revisionNo,
        basedOn: latest.revisionNo,
        grounded: pieces.filter((p) => p.piece.status === 'grounded').length,
        proposalsOpened: opened,
      }),
      event('finding.approved', { revisionNo }),
    ]),
  );
  await refreshListing(tx, f.id);
  return { pieces, opened, known, revised: true } satisfies FindingOutcome;
}

/** Ground the approved findings not grounded yet (all, or those of `findingIds`); see the module comment. */
export async function groundFindings(db: Db, opts: { findingIds?: readonly number[] } = {}): Promise<GroundingReport> {
  const report = emptyGroundingReport();
  const { settled, others } = await findingsToGround(db, opts.findingIds);
  report.leftToCurators = others.map((f) => ({ publicId: f.publicId, status: f.status }));
  if (!settled.length) return report;
  const ix = await loadGroundingIndexes(
    db,
    await scopeOf(
      db,
      settled.map((f) => f.id),
    ),
  );
  const importUserId = await ensureImportUser(db);
  for (const f of settled) {
    const r: FindingOutcome = await db.transaction((tx) => groundOne(tx, ix, f.id, importUserId));
    if (r.skipped) {
      report.leftToCurators.push({ publicId: f.publicId, status: r.skipped });
      continue;
    }
    report.findingsExamined++;
    for (const { field, piece } of r.pieces) countPiece(report.fields[field], piece);
    report.proposalsOpened += r.opened;
    report.proposalsKnown += r.known;
    if (r.revised) report.revisionsCreated++;
  }
  return report;
}
