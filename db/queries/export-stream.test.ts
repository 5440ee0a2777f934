import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors';
import { EXPORT_FORMATS } from '../../lib/export/encode';
import { BONE, makeBrowseQuery, MOUSE, openSeededDb, type TestDb, testEngines } from '../test-utils';
import { type Actor, createFinding, submitFinding } from './curation';
import type { ExportSelection } from './export';
import { exported, reference } from './export-test-kit';
import { decide } from './review';

// The export reads the stored records (COPY on the server, keyset batches on PGlite); the reference is the
// TypeScript encoder over the live rows.
describe.each(testEngines())('export from the stored records on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let reviewer: Actor;
  const all: ExportSelection = { query: makeBrowseQuery({}), viewer: null };

  beforeAll(async () => {
    ({ t, curator, reviewer } = await openSeededDb(engine));
  });
  afterAll(() => t.dispose());

  it('the stored records are byte for byte the TypeScript reference encoder, on hostile text and odd sources', async () => {
    // Text a spreadsheet or a parser could trip on; list items cannot hold ";" (the finding schema refuses it).
    const nasty = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({
        unit: fc.constantFrom(
          '"',
          ',',
          '\r',
          '\n',
          '\t',
          '\\',
          ' ',
          'a',
          'é',
          '😀',
          '=',
          '+',
          '-',
          '@',
          "'",
          '\u2028',
          '\u0001',
          '\u007f',
        ),
        maxLength: 10,
      }),
      fc
        .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', "'"), fc.string({ maxLength: 8 }))
        .map(([a, b]) => a + b),
    );
    const texts = fc.sample(
      nasty.filter((x) => x.trim().length > 0),
      { numRuns: 120, seed: 20261127 },
    );
    const item = (i: number) => texts[i % texts.length]!.replace(/;/g, ' ').trim() || 'x';
    // A term list's free-text value is a label: no control characters either.
    const label = (i: number) =>
      item(i)
        .replace(/[\u0000-\u001F\u007F]/g, ' ')
        .trim() || 'y';
    const sources: [string, string | null, number | null, string | null, string | null, string | null][] = [
      ['10.5555/sql.1', null, null, null, null, null],
      ['10.5555/sql.2', '', 2020, 'Ends with a dot.', '', 'vol 3, 1-2'],
      ['10.5555/sql.3', 'Doe, J., "Q", Roe, R.', null, '=Formula title', 'J. "Odd", Journal', null],
      ['10.5555/sql.4', null, 1999, '', 'Journal only', ''],
    ];
    const sourceIds: number[] = [];
    for (const [doi, authors, year, title, journal, volumePages] of sources) {
      const [row] = await t.query<{ id: number }>(
        `insert into sources (doi, authors, year, title, journal, volume_pages, metadata_origin) values ($1, $2, $3, $4, $5, $6, 'manual') returning id`,
        [doi, authors, year, title, journal, volumePages],
      );
      sourceIds.push(row!.id);
    }
    let made = 0;
    for (let i = 0; made < 12 && i < 60; i++) {
      try {
        const f = await createFinding(t.db, curator, {
          sourceId: sourceIds[i % sourceIds.length]!,
          content: {
            targetOrgan: BONE,
            direction: 'muscle_to_organ',
            species: MOUSE,
            cargo:
              i % 3 === 0
                ? []
                : [
                    { name: `miR-${i}`, type: 'miRNA' },
                    { name: item(i), type: 'protein' },
                    { name: 'miR-206-3p', type: 'miRNA', curie: 'mirbase.mature:MIMAT0000239' },
                  ],
            evSource: texts[i]!,
            // Grounded lists: a term, hostile free text, and a term again, in that order.
            evSourceTerms:
              i % 2
                ? [{ curie: 'cellosaurus:CVCL_0188', label: 'C2C12' }, { label: label(i + 9) }]
                : [{ label: label(i + 9) }],
            recipientCellTerms: [{ curie: 'CL:0000594', label: 'x' }, { label: label(i + 10) }],
            diseaseTerms: i % 4 === 0 ? [{ curie: 'MONDO:0005298', label: 'osteoporosis' }] : [],
            condition: label(i + 11),
            targetGeneTerms: i % 3 === 1 ? [{ curie: 'HGNC:9588', label: 'PTEN' }] : [],
            methodTerms: [{ curie: 'ECO:0000006', label: 'experimental evidence' }],
            recipientCell: texts[i + 1]!,
            modelDisease: texts[i + 2]!,
            result: `${texts[i + 3]!} ${i}`,
            mechanism: i % 2 ? [item(i + 4), item(i + 5)] : [],
            markersPositive: [item(i + 6)],
            evidenceQuote: texts[i + 7]!,
            curatorNote: texts[i + 8]!,
          },
        });
        const s = await submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: 0 });
        await decide(t.db, reviewer, {
          findingId: f.findingId,
          revisionNo: 1,
          lockVersion: s.lockVersion,
          decision: 'approve',
          comment: '',
        });
        made++;
      } catch (e) {
        // Text the finding schema refuses (or a duplicate of an earlier one) is not exported: try the next.
        if (!(e instanceof DomainError)) throw e;
      }
    }
    expect(made).toBe(12);
    const pinned = await t.query<{ id: number }>(
      `select approved_revision_id as id from findings where approved_revision_id is not null order by id desc limit 7`,
    );
    const selections: ExportSelection[] = [
      all,
      { query: makeBrowseQuery({ organ: BONE }), viewer: null },
      { revisionIds: pinned.map((p) => p.id) },
      // Filter values are inlined into the COPY statement: quotes, backslashes and SQL stay data.
      { query: makeBrowseQuery({ q: "miR' \\' or 1=1; drop table findings; --" }), viewer: null },
      { query: makeBrowseQuery({ cargo: "-1'\\" }), viewer: null },
    ];
    for (const selection of selections)
      for (const format of EXPORT_FORMATS)
        for (const bom of format === 'csv' ? [false, true] : [false]) {
          expect(await exported(t, selection, format, { bom }), `${format} bom=${bom}`).toBe(
            await reference(t, selection, format, { bom }),
          );
        }
    // And an empty selection: the header (CSV), an empty array (JSON), nothing (NDJSON).
    for (const format of EXPORT_FORMATS)
      expect(await exported(t, { revisionIds: [] }, format)).toBe(await reference(t, { revisionIds: [] }, format));
  });
  it.runIf(engine === 'postgres')(
    'a download stopped midway ends its COPY on the server and frees its slot; the next exports run',
    async () => {
      const running = async () =>
        (
          await t.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity where application_name = 'ev-crosstalk-curator-export'`,
          )
        )[0]!.n;
      // Long enough that it is still running when we stop reading.
      const it = t.copyOut!(
        `copy (select g, repeat('x', 200) from generate_series(1, 20000000) g) to stdout with (format csv)`,
      )[Symbol.asyncIterator]();
      const first = await it.next();
      expect(first.done).toBe(false);
      expect(await running()).toBe(1);
      await it.return!(undefined);
      expect(await running()).toBe(0);
      // More exports than there are slots (4), one after another: each gets one.
      const [approved] = await t.query<{ n: number }>(
        `select count(*)::int as n from findings where approved_revision_id is not null`,
      );
      for (let i = 0; i < 6; i++)
        expect((await exported(t, all, 'ndjson')).trimEnd().split('\n')).toHaveLength(approved!.n);
    },
  );
});
