/** Findings as the read API shows them: list rows, one finding with its history, and who may see what. */
import { shortCitation } from '../citation';
import type { LabelledRevisionColumns } from '../finding/from-row';
import type { CargoItem } from '../finding/schema';
import { ORGANS, SPECIES } from '../vocab';
import type { TermRef } from '../vocab/term-ref';
import type { Cargo, FindingDetailDto, FindingSummaryDto, RevisionState, SourceRow } from './dto';
import { toSourceRefDto } from './source-dto';
import { canSeeRevision, canSeeWorkflow, type PolicyViewer, type ReadContext, visibleStatus } from '../policy/read';

const organIdByLabel = new Map<string, string>(ORGANS.map((o) => [o.label, o.id]));
const speciesIdByLabel = new Map<string, string>(SPECIES.map((s) => [s.label, s.id]));

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const cargoDto = (items: readonly CargoItem[] | readonly Cargo[]): Cargo[] =>
  items.map((c) => ({ name: c.name, type: c.type, curie: c.curie ?? null }));
const termLabels = (xs: readonly TermRef[]) => xs.map((x) => x.label);
const termIds = (xs: readonly TermRef[]) => xs.map((x) => x.curie ?? '');

/** What browseFindings returns per row (db/queries/browse.ts BrowseRow), structurally. */
export type SummaryInput = {
  publicId: string;
  status: string;
  targetOrgan: string;
  species: string;
  origin: string;
  /** Term ids of the labels above (any UBERON/NCBITaxon term, not only the review's organ groups). */
  targetOrganId?: string;
  speciesId?: string;
  originId?: string;
  direction: string;
  evSource: string;
  cargo: Cargo[];
  recipientCell: string;
  modelDisease: string;
  result: string;
  studyType: string | null;
  effectDirection: string | null;
  doi: string;
  year: number | null;
  authors: string | null;
  revisionNo: number;
  approvedAt: Date | null;
  updatedAt: Date;
};

/** Anonymous callers see an approved finding as approved, whatever edit of it is in progress. */
export function toFindingSummaryDto(r: SummaryInput, viewer: PolicyViewer = null): FindingSummaryDto {
  return {
    finding_id: r.publicId,
    status: canSeeWorkflow({ viewer, publicRead: true }) || !r.approvedAt ? r.status : 'approved',
    revision: r.revisionNo,
    target_organ: r.targetOrgan,
    target_organ_id: r.targetOrganId || organIdByLabel.get(r.targetOrgan) || null,
    species: r.species,
    species_id: r.speciesId || speciesIdByLabel.get(r.species) || null,
    origin: r.origin,
    origin_id: r.originId || organIdByLabel.get(r.origin) || null,
    direction: r.direction,
    ev_source: r.evSource,
    cargo: cargoDto(r.cargo),
    recipient_cell: r.recipientCell,
    model_disease: r.modelDisease,
    result: r.result,
    study_type: r.studyType,
    effect_direction: r.effectDirection,
    doi: r.doi,
    year: r.year,
    reference: shortCitation(r.authors, r.year),
    approved_at: iso(r.approvedAt),
    updated_at: r.updatedAt.toISOString(),
  };
}

type RevisionMeta = {
  id: number;
  revisionNo: number;
  authorId: number;
  authorName: string;
  changeSummary: string;
  createdAt: Date;
  submittedAt: Date | null;
};
type DecisionMeta = { revisionId: number; decision: string; reviewer: string; createdAt: Date };
type FindingMeta = {
  publicId: string;
  status: string;
  latestRevisionId: number | null;
  approvedRevisionId: number | null;
  approvedAt: Date | null;
};

/** Where one revision stands, from the finding's pointers and the decisions on it. */
export function revisionState(f: FindingMeta, r: RevisionMeta, decisions: readonly DecisionMeta[]): RevisionState {
  if (!r.submittedAt) return 'draft';
  if (f.approvedRevisionId === r.id) return 'approved';
  const ds = decisions.filter((d) => d.revisionId === r.id).map((d) => d.decision);
  if (ds.includes('reject')) return 'rejected';
  if (ds.includes('request_changes')) return 'changes_requested';
  return f.latestRevisionId === r.id ? 'submitted' : 'superseded';
}

type RevisionRow = LabelledRevisionColumns & { id: number; revisionNo: number; evidenceVerified?: boolean | null };

export type DetailInput = {
  finding: FindingMeta;
  source: SourceRow;
  revisions: readonly RevisionMeta[];
  decisions: readonly DecisionMeta[];
};

/**
 * A finding as the API shows it. The public sees the approved revision and
 * its status as "approved"; signed-in callers see the workflow status and
 * the history (their own drafts included, other people's left out).
 */
export function toFindingDetailDto(data: DetailInput, revision: RevisionRow, policy: ReadContext): FindingDetailDto {
  const { finding: f, source, revisions, decisions } = data;
  const approved = f.approvedRevisionId === revision.id;
  // The reviewer whose approval published the revision: the last approval on it.
  const approvedBy = approved
    ? (decisions.filter((d) => d.revisionId === revision.id && d.decision === 'approve').at(-1)?.reviewer ?? null)
    : null;
  const dto: FindingDetailDto = {
    finding_id: f.publicId,
    status: visibleStatus(policy, f),
    revision: revision.revisionNo,
    approved,
    target_organ: revision.targetOrganLabel,
    target_organ_id: revision.targetOrgan,
    species: revision.speciesLabel,
    species_id: revision.species,
    origin: revision.originLabel,
    origin_id: revision.origin,
    direction: revision.direction,
    ev_source: revision.evSource,
    cargo: cargoDto(revision.cargo),
    recipient_cell: revision.recipientCell,
    model_disease: revision.modelDisease,
    result: revision.result,
    study_type: revision.studyType,
    effect_direction: revision.effectDirection,
    mechanism: [...revision.mechanism],
    ev_type: revision.evType,
    separation_methods: [...revision.separationMethods],
    particle_analysis: [...revision.particleAnalysis],
    em_methods: [...revision.emMethods],
    markers_positive: [...revision.markersPositive],
    markers_negative: [...revision.markersNegative],
    ev_source_terms: termLabels(revision.evSourceTerms),
    ev_source_ids: termIds(revision.evSourceTerms),
    recipient_cell_terms: termLabels(revision.recipientCellTerms),
    recipient_cell_ids: termIds(revision.recipientCellTerms),
    disease_terms: termLabels(revision.diseaseTerms),
    disease_ids: termIds(revision.diseaseTerms),
    condition: revision.condition,
    target_gene_terms: termLabels(revision.targetGeneTerms),
    target_gene_ids: termIds(revision.targetGeneTerms),
    detection_method_terms: termLabels(revision.methodTerms),
    detection_method_ids: termIds(revision.methodTerms),
    evidence_quote: revision.evidenceQuote,
    evidence_location: revision.evidenceLocation,
    evidence_prefix: revision.evidenceAnchor?.quote.prefix ?? '',
    evidence_suffix: revision.evidenceAnchor?.quote.suffix ?? '',
    evidence_start: revision.evidenceAnchor?.position.start ?? null,
    evidence_end: revision.evidenceAnchor?.position.end ?? null,
    evidence_snapshot_sha256: revision.evidenceAnchor?.snapshot.sha256 ?? '',
    evidence_verified: revision.evidenceVerified ?? null,
    curator_note: revision.curatorNote,
    doi: source.doi,
    source: toSourceRefDto(source),
    approved_by: approvedBy,
    approved_at: approved ? iso(f.approvedAt) : null,
  };
  if (canSeeWorkflow(policy)) {
    dto.history = revisions
      .filter((r) => canSeeRevision(policy, f, r, false))
      .map((r) => ({
        revision: r.revisionNo,
        author: r.authorName,
        created_at: r.createdAt.toISOString(),
        submitted_at: iso(r.submittedAt),
        change_summary: r.changeSummary,
        state: revisionState(f, r, decisions),
      }));
  }
  return dto;
}
