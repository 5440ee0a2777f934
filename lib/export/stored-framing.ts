/**
 * The export framed around stored records (db/schema/export-records.ts): each CSV record is a
 * finished line (CRLF included), each JSON record a finished object text. The framing is
 * lib/export/encode.ts's: CSV = header line (a BOM first when asked) + the lines; JSON = "[",
 * the records each after "\n" (the first) or ",\n", then "\n]\n"; NDJSON = each record + "\n".
 *
 * On the server the records arrive as `COPY (select line …) TO STDOUT (FORMAT binary)`:
 * copyBinaryFields takes the bytes of each field out of it, whatever the chunking.
 */
import { EXPORT_COLUMN_NAMES } from './columns';
import type { ExportFormat } from './encode';

/** Output is gathered into chunks of about this many bytes: few chunks, flat memory. */
const OUT_CHUNK = 64 * 1024;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * The fields of a one-column binary COPY, per input chunk (a field split across chunks comes
 * with the chunk that completes it). A NULL field is an error: the stored columns are NOT NULL.
 */
export async function* copyBinaryFields(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer[]> {
  let pending: Buffer | null = null;
  let headerDone = false;
  let ended = false;
  for await (const c of chunks) {
    const chunk = Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    const buf: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    let pos = 0;
    if (!headerDone) {
      if (buf.length < 19) {
        pending = buf;
        continue;
      }
      if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error('COPY binary: bad signature');
      const ext = buf.readUInt32BE(15);
      if (buf.length < 19 + ext) {
        pending = buf;
        continue;
      }
      pos = 19 + ext;
      headerDone = true;
    }
    const fields: Buffer[] = [];
    while (!ended && buf.length - pos >= 2) {
      const count = buf.readInt16BE(pos);
      if (count === -1) {
        ended = true;
        pos += 2;
        break;
      }
      if (count !== 1) throw new Error(`COPY binary: ${count} fields in a row, expected 1`);
      if (buf.length - pos < 6) break;
      const len = buf.readInt32BE(pos + 2);
      if (len < 0) throw new Error('COPY binary: a NULL record');
      if (buf.length - pos < 6 + len) break;
      fields.push(buf.subarray(pos + 6, pos + 6 + len));
      pos += 6 + len;
    }
    pending = pos < buf.length ? buf.subarray(pos) : null;
    if (fields.length) yield fields;
  }
  if (!ended || pending) throw new Error('COPY binary: the stream ended early');
}

const NL = Buffer.from('\n');
const FIRST = Buffer.from('\n');
const NEXT = Buffer.from(',\n');

/**
 * The export's bytes from its stored records, given in batches (strings from a query, buffers
 * from COPY). Nothing is sent before the first batch has arrived (or the end, for no records), so
 * a failing query can still become an error response.
 */
export async function* frameStoredRecords(
  format: ExportFormat,
  batches: AsyncIterable<readonly (string | Buffer)[]>,
  opts: { bom?: boolean } = {},
): AsyncGenerator<Buffer> {
  const head =
    format === 'csv' ? `${opts.bom ? '\uFEFF' : ''}${EXPORT_COLUMN_NAMES.join(',')}\r\n` : format === 'json' ? '[' : '';
  let parts: Buffer[] = head ? [Buffer.from(head, 'utf8')] : [];
  let size = 0;
  let first = true;
  for await (const batch of batches) {
    for (const r of batch) {
      const b = typeof r === 'string' ? Buffer.from(r, 'utf8') : r;
      if (format === 'json') {
        parts.push(first ? FIRST : NEXT);
        first = false;
      }
      parts.push(b);
      if (format === 'ndjson') parts.push(NL);
      size += b.length + 2;
    }
    if (size >= OUT_CHUNK) {
      yield Buffer.concat(parts);
      parts = [];
      size = 0;
    }
  }
  if (format === 'json') parts.push(Buffer.from('\n]\n'));
  if (parts.length) yield Buffer.concat(parts);
}
