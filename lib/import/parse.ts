/**
 * An uploaded file → mapped rows, or one file-level message. CSV (RFC 4180,
 * UTF-8, with or without BOM) with the export's header or the review's
 * Table 1 header; or JSON, an array of export-shaped records.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { EXPORT_COLUMN_NAMES } from '../export/columns';
import { detectHeader } from './columns';
import { mapExportRecord, mapTable1Record, type RawRecord } from './map';
import { type ImportRow, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ParsedImport } from './types';

export type ParseResult = { ok: true; parsed: ParsedImport } | { ok: false; message: string };

const fail = (message: string): ParseResult => ({ ok: false, message });
const MB = MAX_IMPORT_BYTES / 1024 / 1024;
const tooMany = (n: number) =>
  fail(
    `The file has ${n.toLocaleString('en')} rows; an import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en')}. Split it into smaller files.`,
  );

export function parseImportFile(bytes: Uint8Array): ParseResult {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return fail(`The file is over ${MB} MB; split it into smaller files.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('The file is not UTF-8 text. Save it as CSV UTF-8 (or JSON) and try again.');
  }
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start) return fail('The file is empty.');
  if (start.startsWith('[') || start.startsWith('{')) return parseJson(start);
  return parseCsv(text);
}

function parseCsv(text: string): ParseResult {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) return fail(`The CSV could not be read: ${e.message}.`);
    throw e;
  }
  const [header, ...body] = records;
  if (!header) return fail('The file is empty.');
  const check = detectHeader(header);
  if (!check.ok) return fail(check.message);
  if (body.length === 0) return fail('The file has a header but no rows.');
  if (body.length > MAX_IMPORT_ROWS) return tooMany(body.length);
  const rows = body.map((cells, i): ImportRow => {
    const row = i + 1;
    if (cells.length !== check.columns.length)
      return {
        row,
        doi: '',
        content: {},
        problems: [
          { field: 'row', message: `This row has ${cells.length} cells; the header has ${check.columns.length}.` },
        ],
      };
    const record: RawRecord = Object.fromEntries(check.columns.map((c, j) => [c, cells[j]]));
    return check.kind === 'table1' ? mapTable1Record(row, record) : mapExportRecord(row, record, { neutralized: true });
  });
  return { ok: true, parsed: { format: check.kind === 'table1' ? 'table1-csv' : 'export-csv', rows } };
}

const KNOWN_KEYS = new Set<string>(EXPORT_COLUMN_NAMES);

function parseJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`The JSON could not be read: ${(e as Error).message}.`);
  }
  if (!Array.isArray(data)) return fail('A JSON import is an array of records, like the JSON export.');
  if (data.length === 0) return fail('The file has no records.');
  if (data.length > MAX_IMPORT_ROWS) return tooMany(data.length);
  const rows = data.map((item: unknown, i): ImportRow => {
    const row = i + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      return {
        row,
        doi: '',
        content: {},
        problems: [{ field: 'row', message: 'Expected a record (an object with the export’s keys).' }],
      };
    const unknown = Object.keys(item).filter((k) => !KNOWN_KEYS.has(k));
    const mapped = mapExportRecord(row, item as RawRecord, { neutralized: false });
    for (const k of unknown)
      mapped.problems.push({ field: k.slice(0, 60), message: 'Unknown field; use the export’s keys.' });
    return mapped;
  });
  return { ok: true, parsed: { format: 'json', rows } };
}
