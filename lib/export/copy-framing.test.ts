import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectBytes } from './encode';
import { csvRowsToCrlf, jsonLinesToArray, withHead } from './copy-framing';

/** The bytes cut into chunks at the given points (as a socket might deliver them). */
async function* chunks(bytes: Buffer, cuts: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const c of [...new Set(cuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b)) {
    if (c > start) yield bytes.subarray(start, c);
    start = Math.max(start, c);
  }
  if (start < bytes.length) yield bytes.subarray(start);
}

const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', '\r\n', 'a', 'é', '😀', ' '), maxLength: 8 }),
);
const records = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 });
const quoting = { quoted_match: /[\r\n]/ } as const;

describe('COPY CSV → CRLF rows', () => {
  it('turns row-ending LFs into CRLF and leaves line breaks inside quoted cells alone, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.array(fc.nat(), { maxLength: 12 }), async (rows, cuts) => {
        // What COPY writes (LF row ends) and what the export must send (csv-stringify with CRLF).
        const lf = Buffer.from(stringify(rows, { ...quoting, record_delimiter: 'unix' }), 'utf8');
        const crlf = stringify(rows, { ...quoting, record_delimiter: 'windows' });
        expect((await collectBytes(csvRowsToCrlf(chunks(lf, cuts)))).toString('utf8')).toBe(crlf);
      }),
      { numRuns: 400 },
    );
  });
});

describe('JSON lines → JSON array', () => {
  it('frames one record per line as "[", records joined by ",\\n", "\\n]\\n", however the bytes are chunked', async () => {
    const record = fc.dictionary(
      fc.string({ maxLength: 4 }),
      fc.oneof(
        fc.string({ unit: fc.constantFrom('a', '\n', '"', '\\', 'é', '😀', '\u2028'), maxLength: 6 }),
        fc.integer(),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (recs, cuts) => {
          const lines = Buffer.from(recs.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
          const out = (await collectBytes(jsonLinesToArray(chunks(lines, cuts)))).toString('utf8');
          expect(out).toBe(`[${recs.map((r, i) => `${i ? ',' : ''}\n${JSON.stringify(r)}`).join('')}\n]\n`);
          expect(JSON.parse(out)).toEqual(recs);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('withHead', () => {
  it('sends the head with the first chunk, or alone when there is none, and nothing before the source answers', async () => {
    const got: string[] = [];
    for await (const c of withHead('H|', chunks(Buffer.from('abcdef'), [2, 4]))) got.push(Buffer.from(c).toString());
    expect(got).toEqual(['H|ab', 'cd', 'ef']);
    expect((await collectBytes(withHead('H|', chunks(Buffer.alloc(0), [])))).toString()).toBe('H|');
    async function* failing(): AsyncGenerator<Uint8Array> {
      throw new Error('query failed');
    }
    await expect(withHead('H|', failing()).next()).rejects.toThrow('query failed');
  });
});
