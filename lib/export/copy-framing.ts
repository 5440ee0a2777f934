/**
 * PostgreSQL's `COPY … TO STDOUT` writes the export's records; these turn its
 * output into the export's framing (lib/export/record.ts) while it streams,
 * chunk by chunk, without ever holding more than one chunk:
 *
 * - CSV (`FORMAT csv`): PostgreSQL ends each row with LF and quotes a cell holding a
 *   quote, comma, CR or LF — as csv-stringify does. The export ends rows with CRLF
 *   (RFC 4180), so an LF outside quotes becomes CRLF; a line break inside a quoted
 *   cell stays as it is. Quotes inside cells are doubled, so counting them tells
 *   inside from outside.
 * - JSON lines (`FORMAT csv` with a delimiter and quote byte JSON never holds raw):
 *   one compact JSON text per line, and JSON text has no raw LF, so every LF ends a
 *   record. NDJSON is that as it is; a JSON array is "[", the records separated by
 *   ",\n", then "\n]\n".
 */

const LF = 0x0a;
const QUOTE = 0x22;
const CRLF = Buffer.from('\r\n');
const FIRST = Buffer.from('\n');
const NEXT = Buffer.from(',\n');

/** LF row ends (outside quotes) → CRLF. */
export async function* csvRowsToCrlf(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let quoted = false;
  for await (const c of chunks) {
    const buf = Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    const parts: Buffer[] = [];
    let start = 0;
    let pos = 0;
    while (pos < buf.length) {
      if (quoted) {
        const q = buf.indexOf(QUOTE, pos);
        if (q === -1) break;
        quoted = false; // a doubled quote closes and reopens: the state stays right either way
        pos = q + 1;
        continue;
      }
      const lf = buf.indexOf(LF, pos);
      const q = buf.indexOf(QUOTE, pos);
      if (lf === -1 && q === -1) break;
      if (q !== -1 && (lf === -1 || q < lf)) {
        quoted = true;
        pos = q + 1;
        continue;
      }
      parts.push(buf.subarray(start, lf), CRLF);
      start = pos = lf + 1;
    }
    if (start < buf.length) parts.push(buf.subarray(start));
    if (parts.length) yield Buffer.concat(parts);
  }
}

/** JSON text lines → a JSON array, one record per line ("[", records joined by ",\n", "\n]\n"). */
export async function* jsonLinesToArray(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let first = true;
  let atRowStart = true;
  // "[" goes out with the first chunk, not before it (see withHead).
  let open: Buffer | null = Buffer.from('[');
  for await (const c of chunks) {
    const buf = Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    const parts: Buffer[] = open ? [open] : [];
    open = null;
    let pos = 0;
    while (pos < buf.length) {
      if (atRowStart) {
        parts.push(first ? FIRST : NEXT);
        first = false;
        atRowStart = false;
      }
      const lf = buf.indexOf(LF, pos);
      if (lf === -1) {
        parts.push(buf.subarray(pos));
        break;
      }
      parts.push(buf.subarray(pos, lf));
      pos = lf + 1;
      atRowStart = true;
    }
    if (parts.length) yield Buffer.concat(parts);
  }
  yield Buffer.from(`${open ? '[' : ''}\n]\n`);
}

/**
 * The stream with `head` sent together with its first chunk (or alone at the end, when
 * there is none): nothing goes out before the database has answered, so a failing query
 * can still become an error response.
 */
export async function* withHead(head: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let pending: Buffer | null = Buffer.from(head, 'utf8');
  for await (const c of chunks) {
    if (pending) {
      yield Buffer.concat([pending, c]);
      pending = null;
    } else yield c;
  }
  if (pending) yield pending;
}
