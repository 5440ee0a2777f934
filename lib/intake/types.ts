/**
 * Intake contracts (issue 13): what a parsed upload, a Europe PMC search hit
 * or a suggested paper becomes before de-duplication and screening.
 */
export const INTAKE_FORMATS = ['ris', 'bibtex', 'nbib', 'csl_json', 'ids'] as const;
export type IntakeFormat = (typeof INTAKE_FORMATS)[number];

/** One bibliographic record as parsed, normalized enough to de-duplicate and screen. */
export interface IntakeRecord {
  /** '' when missing (a row problem, see the report). */
  title: string;
  abstract: string;
  keywords: string[];
  /** "Family, Given" each, as given. */
  authors: string[];
  /** Normalized family name of the first author, lower-case ASCII-folded ('' if none). */
  firstAuthor: string;
  year: number | null;
  /** Container title ('' if none). */
  journal: string;
  /** Normalized (lib/doi normalizeDoi) or null. */
  doi: string | null;
  /** Digits only, no leading zeros. */
  pmid: string | null;
  /** 'PMC' + digits. */
  pmcid: string | null;
  /** bioRxiv/medRxiv/Research Square/Preprints.org/arXiv DOI prefixes or type 'posted-content'. */
  isPreprint: boolean;
  /** The parsed record as the library gave it (kept as provenance; ≤ 20 kB, long fields truncated). */
  raw: Record<string, unknown>;
}

/**
 * One entry of the row-by-row report. `ok` means the record is in `records`;
 * a `message` with `ok: true` is a warning (e.g. no title, kept for its DOI).
 */
export interface IntakeRowReport {
  row: number;
  ok: boolean;
  message?: string;
  title?: string;
}

export interface IntakeParseResult {
  format: IntakeFormat;
  records: { row: number; record: IntakeRecord }[];
  report: IntakeRowReport[];
  /** File-level notices, e.g. "decoded as Windows-1252". */
  notices: string[];
}

export type IntakeParseFailure = { ok: false; message: string };
