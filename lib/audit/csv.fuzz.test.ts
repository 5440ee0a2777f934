import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, auditCsvStream, neutralizeCell, toAuditCsvRecord } from './csv';
import type { AuditEventRow } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * Undo the documented neutralization of a cell whose original started with = + - @ tab or CR (a ' was added).
 * It takes the original because the scheme is lossy on its own: "'=x" and a neutralized "=x" read the same.
 */
const strip = (cell: string, original: string) => (FORMULA_START.test(original) ? cell.slice(1) : cell);

/** Cells built to hit every CSV special case: quotes, delimiters, CR/LF, formula starts, BOM, any Unicode. */
const cell = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('"', ',', '\r', '\n', '\r\n', ';', "'", ' ', '\t', 'a', 'é', '😀', '\uFEFF', '\u0000'),
  }),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '"', '\n'), fc.string({ unit: 'grapheme' }))
    .map(([a, b]) => a + b),
);
/** Well-formed text only: the download is UTF-8, which cannot carry a lone surrogate. */
const utf8Cell = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }).filter((s) => s.isWellFormed()),
  cell.filter((s) => s.isWellFormed()),
);

const HEADER = ['a', 'b', 'c', 'd'];
const table = fc.array(fc.array(cell, { minLength: HEADER.length, maxLength: HEADER.length }), {
  minLength: 1,
  maxLength: 5,
});

describe('CSV round trip (fuzzed)', () => {
  it('csv-stringify (as the export calls it: header, CRLF) then csv-parse gives back every cell', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const text = stringify(
          rows.map((r) => r.map(neutralizeCell)),
          { header: true, columns: HEADER, record_delimiter: 'windows' },
        );
        const back = parse(text, { columns: true }) as Record<string, string>[];
        expect(back.map((r) => HEADER.map((h) => r[h]))).toEqual(rows.map((r) => r.map(neutralizeCell)));
        expect(back.map((r, i) => HEADER.map((h, j) => strip(r[h]!, rows[i]![j]!)))).toEqual(rows);
      }),
      { numRuns: 400 },
    );
  });

  // With an explicit record_delimiter, csv-stringify only quotes cells holding the whole CRLF; the writers
  // pass quoted_match: /[\r\n]/ so RFC 4180 readers (Excel, pandas, R) never split a row at a lone CR or LF.
  it('quotes every cell that holds a CR or LF (RFC 4180)', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const text = stringify(rows, {
          header: true,
          columns: HEADER,
          record_delimiter: 'windows',
          quoted_match: /[\r\n]/,
        });
        const strict = parse(text, { columns: true, record_delimiter: ['\r\n', '\n', '\r'] }) as Record<
          string,
          string
        >[];
        expect(strict.map((r) => HEADER.map((h) => r[h]))).toEqual(rows);
      }),
      { numRuns: 200, examples: [[[['line\nbreak', 'carriage\rreturn', '', 'x']]]] },
    );
  });

  it('no cell of the output starts with a formula character', () => {
    fc.assert(
      fc.property(cell, (value) => {
        const out = neutralizeCell(value);
        expect(out).not.toMatch(FORMULA_START);
        expect(out).toBe(FORMULA_START.test(value) ? `'${value}` : value);
      }),
      { numRuns: 400 },
    );
  });

  it('the audit export stream parses back to the events, column by column', async () => {
    const event = fc.record({
      id: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      at: fc.date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      actorId: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
      actorEmail: fc.option(utf8Cell, { nil: null }),
      actorName: fc.option(utf8Cell, { nil: null }),
      action: utf8Cell,
      entity: utf8Cell,
      entityId: fc.option(utf8Cell, { nil: null }),
      findingPublicId: fc.constant(null),
      detail: fc.dictionary(utf8Cell, fc.oneof(utf8Cell, fc.integer(), fc.boolean(), fc.constant(null)), {
        maxKeys: 3,
      }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 6 }), async (events: AuditEventRow[]) => {
        async function* source() {
          yield* events;
        }
        const text = await new Response(auditCsvStream(source())).text();
        const parsed = parse(text, { columns: true }) as Record<string, string>[];
        expect(parsed).toHaveLength(events.length);
        parsed.forEach((rec, i) => {
          const expected = toAuditCsvRecord(events[i]!);
          expect(Object.keys(rec)).toEqual([...AUDIT_CSV_COLUMNS]);
          expect(rec).toEqual(expected);
          const e = events[i]!;
          expect(strip(rec.action!, e.action)).toBe(e.action);
          expect(strip(rec.entity!, e.entity)).toBe(e.entity);
          expect(strip(rec.actor_email!, e.actorEmail ?? '')).toBe(e.actorEmail ?? '');
          expect(strip(rec.entity_id!, e.entityId ?? '')).toBe(e.entityId ?? '');
          expect(JSON.parse(rec.detail!)).toEqual(e.detail);
        });
      }),
      { numRuns: 150 },
    );
  });
});
