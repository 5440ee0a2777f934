/** Shapes shared by the import's parser (lib/import), its checks (db/queries/import.ts) and its page. */

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export const IMPORT_MODES = ['draft', 'submit'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export type ImportFormat = 'export-csv' | 'table1-csv' | 'json';

export type RowProblem = { field: string; message: string };

/** One data row, mapped to the finding form's fields but not yet validated. */
export type ImportRow = {
  /** 1 = the first row below the header (CSV) or the first array element (JSON). */
  row: number;
  /** The DOI as written in the file. */
  doi: string;
  /** Input for findingContentSchema: the same shape the finding form sends. */
  content: Record<string, unknown>;
  /** What mapping already found wrong (unknown organ, cargo/type count mismatch…). */
  problems: RowProblem[];
};

export type ParsedImport = { format: ImportFormat; rows: ImportRow[] };

export type RowStatus = 'valid' | 'error' | 'duplicate';

export type RowReport = {
  row: number;
  status: RowStatus;
  /** "Bone · BMSCs · miR-92a-3p", to recognize the row. */
  label: string;
  problems: RowProblem[];
  /** Findings this row would duplicate (same DOI, target organ, recipient cell and cargo set). */
  duplicateOf: string[];
  /** An earlier row of the same file that this one repeats. */
  duplicateOfRow: number | null;
};

export type ImportReport = {
  rows: RowReport[];
  counts: { total: number; valid: number; error: number; duplicate: number };
};

export function countRows(rows: readonly RowReport[]): ImportReport['counts'] {
  return {
    total: rows.length,
    valid: rows.filter((r) => r.status === 'valid').length,
    error: rows.filter((r) => r.status === 'error').length,
    duplicate: rows.filter((r) => r.status === 'duplicate').length,
  };
}
