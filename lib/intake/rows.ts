/**
 * The row-by-row report, shared by every format: each entry is numbered from 1
 * in file order; an entry is either imported (ok) — possibly with a warning —
 * or refused with a message that starts with "entry N".
 *
 * An entry with no title is kept (with a warning) when it has a DOI, PMID or
 * PMCID, since its metadata can be completed from Crossref or Europe PMC; with
 * neither a title nor an identifier there is nothing to screen, so it is refused.
 */
import { cslToRecord, MAX_FIELD_CHARS, oversizedField } from './csl';
import type { IntakeFormat, IntakeParseResult, IntakeRecord } from './types';

export class RowCollector {
  readonly result: IntakeParseResult;

  constructor(format: IntakeFormat, notices: string[] = []) {
    this.result = { format, records: [], report: [], notices: [...notices] };
  }

  refuse(row: number, why: string, title?: string): void {
    this.result.report.push({ row, ok: false, message: `entry ${row}: ${why}`, ...(title ? { title } : {}) });
  }

  /** Adds an already built record (the ids format), with an optional warning. */
  keep(row: number, record: IntakeRecord, warning?: string): void {
    this.result.records.push({ row, record });
    const title = record.title || undefined;
    this.result.report.push({ row, ok: true, ...(warning ? { message: `entry ${row}: ${warning}` } : {}), title });
  }

  /** Checks field sizes and the title rule, then maps the CSL item; `notes` are warnings from the format's reader. */
  addCsl(row: number, csl: Record<string, unknown>, raw?: Record<string, unknown>, notes: string[] = []): void {
    const big = oversizedField(csl);
    if (big) {
      this.refuse(row, `field ${big} is longer than the ${MAX_FIELD_CHARS.toLocaleString('en')} allowed; not imported`);
      return;
    }
    const record = cslToRecord(csl, raw);
    const hasId = Boolean(record.doi || record.pmid || record.pmcid);
    if (!record.title && !hasId) {
      this.refuse(row, 'no title and no DOI, PMID or PMCID; not imported');
      return;
    }
    const warnings = [...notes];
    if (!record.title) warnings.push('no title (kept for its identifier)');
    this.keep(row, record, warnings.length ? warnings.join('; ') : undefined);
  }
}

/** Whether a chunk of source text is too long to hand to a parser at all (twice the field limit). */
export function tooLongForOneRecord(chunk: string | number): string | null {
  const max = MAX_FIELD_CHARS * 2;
  const length = typeof chunk === 'number' ? chunk : chunk.length;
  return length > max
    ? `the entry is ${length.toLocaleString('en')} characters long, more than the ${max.toLocaleString('en')} allowed for one entry (a field may have at most ${MAX_FIELD_CHARS.toLocaleString('en')}); not imported`
    : null;
}

export function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  const first = m.split('\n')[0]!.trim();
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}
