import { stringify } from 'csv-stringify/sync';
import { csvHeader, type ExportRow, toCsvCells, toExportRecord, toJsonRecord } from './record';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** e.g. evx-findings-2026-11-27.csv (UTC date). */
export function exportFilename(format: ExportFormat, now = new Date()): string {
  return `evx-findings-${now.toISOString().slice(0, 10)}.${format}`;
}

/** Rows are encoded this many at a time: one chunk per group keeps chunks few without holding a batch. */
const CHUNK_ROWS = 250;

async function* chunked<T>(
  rows: AsyncIterable<T>,
  encode: (group: T[]) => string,
  prefix: string,
  suffix: string,
): AsyncGenerator<string> {
  // The prefix goes out with the first group, so nothing is sent before the first query has answered:
  // a failing query can still become a proper error response.
  let pending = prefix;
  let group: T[] = [];
  for await (const row of rows) {
    group.push(row);
    if (group.length >= CHUNK_ROWS) {
      yield pending + encode(group);
      pending = '';
      group = [];
    }
  }
  yield pending + (group.length ? encode(group) : '') + suffix;
}

// csv-stringify quotes a cell holding the delimiter or a quote, but not one holding a bare CR or LF; RFC 4180 wants those quoted too.
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** RFC 4180 CSV (CRLF, header line), every cell neutralized; with a UTF-8 BOM for Excel when asked. */
export function encodeCsv(rows: AsyncIterable<ExportRow>, opts: { bom?: boolean } = {}): AsyncGenerator<string> {
  const header = (opts.bom ? '\uFEFF' : '') + stringify([csvHeader()], CSV_OPTIONS);
  return chunked(
    rows,
    (g) =>
      stringify(
        g.map((r) => toCsvCells(toExportRecord(r))),
        CSV_OPTIONS,
      ),
    header,
    '',
  );
}

/** A JSON array of records, one per line. */
export function encodeJson(rows: AsyncIterable<ExportRow>): AsyncGenerator<string> {
  let first = true;
  const encode = (g: ExportRow[]) =>
    g
      .map((r) => {
        const s = (first ? '\n' : ',\n') + JSON.stringify(toJsonRecord(r));
        first = false;
        return s;
      })
      .join('');
  return chunked(rows, encode, '[', '\n]\n');
}

/** Newline-delimited JSON: one record per line. */
export function encodeNdjson(rows: AsyncIterable<ExportRow>): AsyncGenerator<string> {
  return chunked(rows, (g) => g.map((r) => `${JSON.stringify(toJsonRecord(r))}\n`).join(''), '', '');
}

export function encodeExport(
  format: ExportFormat,
  rows: AsyncIterable<ExportRow>,
  opts: { bom?: boolean } = {},
): AsyncGenerator<string> {
  if (format === 'csv') return encodeCsv(rows, opts);
  return format === 'json' ? encodeJson(rows) : encodeNdjson(rows);
}

/** All chunks as UTF-8 bytes (for release files, which are stored whole). */
export async function collectBytes(chunks: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
  return Buffer.concat(parts);
}

/**
 * A web stream of the chunks, pulled only as fast as the client reads. The
 * first chunk is awaited here, so an error before any byte is sent rejects
 * (and becomes an error response); a later one is handed to `onError` and
 * aborts the stream — the client sees a failed download, never a stack trace
 * or a silently truncated file.
 */
export async function openExportStream(
  chunks: AsyncIterable<string | Uint8Array>,
  onError: (e: unknown) => void,
): Promise<ReadableStream<Uint8Array>> {
  const it = chunks[Symbol.asyncIterator]();
  const first = await it.next();
  const encoder = new TextEncoder();
  const bytes = (c: string | Uint8Array) => (typeof c === 'string' ? encoder.encode(c) : c);
  let head: string | Uint8Array | null = first.done ? null : first.value;
  let done = Boolean(first.done);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (head !== null) {
        controller.enqueue(bytes(head));
        head = null;
        return;
      }
      if (done) return controller.close();
      try {
        const next = await it.next();
        if (next.done) {
          done = true;
          controller.close();
        } else controller.enqueue(bytes(next.value));
      } catch (e) {
        onError(e);
        controller.error(new Error('The export stopped because of a server error.'));
      }
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}
