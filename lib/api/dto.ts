/**
 * The read API's JSON shapes (`/api/v1`) and the mappers from query results
 * to them. Keys follow the export's column names (lib/export/columns.ts), so
 * a client reads the API, the CSV and the JSON export with one vocabulary;
 * lists are arrays here and cargo is structured as {name, type}. The
 * mappers are in finding-dto.ts and source-dto.ts.
 */
export type Cargo = { name: string; type: string; curie?: string | null };

/** One row of `GET /api/v1/findings`. */
export type FindingSummaryDto = {
  finding_id: string;
  status: string;
  revision: number;
  target_organ: string;
  target_organ_id: string | null;
  species: string;
  species_id: string | null;
  origin: string;
  origin_id: string | null;
  direction: string;
  ev_source: string;
  cargo: Cargo[];
  recipient_cell: string;
  model_disease: string;
  result: string;
  study_type: string | null;
  effect_direction: string | null;
  doi: string;
  year: number | null;
  reference: string;
  approved_at: string | null;
  updated_at: string;
};

export type SourceRefDto = {
  doi: string;
  citation: string;
  title: string | null;
  year: number | null;
  journal: string | null;
};

export type HistoryEntryDto = {
  revision: number;
  author: string;
  created_at: string;
  submitted_at: string | null;
  change_summary: string;
  state: RevisionState;
};

/** `GET /api/v1/findings/{id}`: every field of the shown revision. */
export type FindingDetailDto = {
  finding_id: string;
  status: string;
  revision: number;
  approved: boolean;
  target_organ: string;
  target_organ_id: string;
  species: string;
  species_id: string;
  origin: string;
  origin_id: string;
  direction: string;
  ev_source: string;
  cargo: Cargo[];
  recipient_cell: string;
  model_disease: string;
  result: string;
  study_type: string | null;
  effect_direction: string | null;
  mechanism: string[];
  ev_type: string | null;
  separation_methods: string[];
  particle_analysis: string[];
  em_methods: string[];
  markers_positive: string[];
  markers_negative: string[];
  ev_source_terms: string[];
  ev_source_ids: string[];
  recipient_cell_terms: string[];
  recipient_cell_ids: string[];
  disease_terms: string[];
  disease_ids: string[];
  condition: string;
  target_gene_terms: string[];
  target_gene_ids: string[];
  detection_method_terms: string[];
  detection_method_ids: string[];
  evidence_quote: string;
  evidence_location: string;
  /** The quote's W3C selectors in the source's stored text: "" / null when it is not anchored there. */
  evidence_prefix: string;
  evidence_suffix: string;
  evidence_start: number | null;
  evidence_end: number | null;
  evidence_snapshot_sha256: string;
  /** Found in stored text at submission; null without a quote or before submission. */
  evidence_verified: boolean | null;
  curator_note: string;
  doi: string;
  source: SourceRefDto;
  approved_by: string | null;
  approved_at: string | null;
  history?: HistoryEntryDto[];
};

export type SourceDto = {
  doi: string;
  citation: string;
  title: string | null;
  authors: string | null;
  journal: string | null;
  year: number | null;
  volume_pages: string | null;
  pmid: string | null;
  metadata_origin: string;
  retracted: boolean;
  finding_ids: string[];
  findings: { finding_id: string; target_organ: string; species: string; result: string }[];
};

export type ListResponseDto = {
  data: FindingSummaryDto[];
  next_cursor: string | null;
  count: { n: number; exact: boolean };
};

export type RevisionState = 'draft' | 'submitted' | 'approved' | 'changes_requested' | 'rejected' | 'superseded';

/** Who asks: a signed-in user's id, or null for an anonymous caller. */

/** The source columns the mappers read (db schema `sources`). */
export type SourceRow = {
  doi: string;
  title: string | null;
  authors: string | null;
  journal: string | null;
  year: number | null;
  volumePages: string | null;
};
