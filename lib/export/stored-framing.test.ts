import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectBytes, encodeExport, EXPORT_FORMATS } from './encode';
import { makeExportRow } from './export-test-kit';
import { type ExportRow, toCsvCells, toExportRecord, toJsonRecord } from './record';
import { copyBinaryFields, frameStoredRecords } from './stored-framing';

/** A one-column COPY … (FORMAT binary) stream as PostgreSQL writes it: header, one tuple per field, trailer. */
function binaryCopy(fields: Buffer[]): Buffer {
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
  const tuples = fields.map((f) => {
    const h = Buffer.alloc(6);
    h.writeInt16BE(1, 0);
    h.writeInt32BE(f.length, 2);
    return Buffer.concat([h, f]);
  });
  return Buffer.concat([header, ...tuples, Buffer.from([0xff, 0xff])]);
}

async function* cut(buf: Buffer, at: number[]): AsyncGenerator<Uint8Array> {
  let prev = 0;
  for (const p of [...new Set(at.map((a) => a % (buf.length + 1)))].sort((a, b) => a - b)) {
    yield buf.subarray(prev, p);
    prev = p;
  }
  yield buf.subarray(prev);
}

async function fieldsOf(chunks: AsyncIterable<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of copyBinaryFields(chunks)) out.push(...batch.map((b) => b.toString('utf8')));
  return out;
}

describe('copyBinaryFields', () => {
  it('takes every field out of a binary COPY, however the stream is cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 8 }),
        fc.array(fc.nat({ max: 400 }), { maxLength: 12 }),
        async (records, at) => {
          const buf = binaryCopy(records.map((r) => Buffer.from(r, 'utf8')));
          expect(await fieldsOf(cut(buf, at))).toEqual(records);
        },
      ),
      { numRuns: 200, seed: 20261202 },
    );
  });

  it('refuses a truncated stream, a NULL and a second column', async () => {
    const whole = binaryCopy([Buffer.from('a'), Buffer.from('bc')]);
    await expect(fieldsOf(cut(whole.subarray(0, whole.length - 3), []))).rejects.toThrow('ended early');
    const withNull = Buffer.from(whole);
    withNull.writeInt32BE(-1, 19 + 2);
    await expect(fieldsOf(cut(withNull, []))).rejects.toThrow('NULL');
    const twoColumns = Buffer.from(whole);
    twoColumns.writeInt16BE(2, 19);
    await expect(fieldsOf(cut(twoColumns, []))).rejects.toThrow('2 fields');
  });
});

describe('frameStoredRecords', () => {
  const rows: ExportRow[] = [
    makeExportRow(),
    makeExportRow({ findingId: 43, publicId: 'EVX-000043', result: '=1+2, "quoted"\r\nline', mechanism: [] }),
    makeExportRow({ findingId: 44, publicId: 'EVX-000044', curatorNote: '\u2028 é 😀', approvedBy: null }),
  ];
  // What the database stores per record: the CSV line (CRLF included) and the JSON text.
  const csvLine = (r: ExportRow) =>
    stringify([toCsvCells(toExportRecord(r))], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  const jsonText = (r: ExportRow) => JSON.stringify(toJsonRecord(r));

  async function* batches<T>(xs: T[], size: number): AsyncGenerator<T[]> {
    for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
  }
  async function* listed(xs: ExportRow[]): AsyncGenerator<ExportRow> {
    yield* xs;
  }

  it('frames stored records exactly as the encoder frames rows, in every format, with and without records', async () => {
    for (const n of [0, 1, 3])
      for (const format of EXPORT_FORMATS)
        for (const bom of format === 'csv' ? [false, true] : [false]) {
          const some = rows.slice(0, n);
          const stored = some.map((r) => (format === 'csv' ? csvLine(r) : jsonText(r)));
          for (const size of [1, 2])
            expect(
              (await collectBytes(frameStoredRecords(format, batches(stored, size), { bom }))).toString('utf8'),
              `${format} n=${n} bom=${bom}`,
            ).toBe((await collectBytes(encodeExport(format, listed(some), { bom }))).toString('utf8'));
        }
  });
});
