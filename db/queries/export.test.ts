import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBrowseQuery } from '../../lib/browse/filters';
import { DomainError } from '../../lib/errors';
import { EXPORT_COLUMN_NAMES, unneutralizeCell } from '../../lib/export/columns';
import { collectBytes, encodeExport, EXPORT_FORMATS } from '../../lib/export/encode';
import type { ExportJsonRecord } from '../../lib/export/record';
import { SKELETAL_MUSCLE } from '../../lib/vocab';
import { seedDatabase } from '../seed-lib';
import { openTestDb, type TestDb, testEngines } from '../test-utils';
import { type Actor, createFinding, submitFinding } from './curation';
import { type ExportSelection, exportStream, iterateExportRows } from './export';
import { decide } from './review';

const BONE = 'UBERON:0001474';
const MOUSE = 'NCBITaxon:10090';

const query = (params: Record<string, string>) => {
  const r = parseBrowseQuery(params);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.query;
};

async function rows(t: TestDb, selection: ExportSelection, batchSize?: number) {
  const out = [];
  for await (const r of iterateExportRows(t.db, selection, batchSize)) out.push(r);
  return out;
}

/** The export as the app sends it (written by COPY on the server, by the TypeScript encoder on PGlite). */
async function exported(t: TestDb, selection: ExportSelection, format: 'csv' | 'json' | 'ndjson', opts: { bom?: boolean } = {}) {
  return (await collectBytes(exportStream(t, selection, format, opts))).toString('utf8');
}

/** The same export through the TypeScript reference encoder (lib/export/encode.ts over iterateExportRows). */
async function reference(t: TestDb, selection: ExportSelection, format: 'csv' | 'json' | 'ndjson', opts: { bom?: boolean } = {}) {
  return (await collectBytes(encodeExport(format, iterateExportRows(t.db, selection), opts))).toString('utf8');
}

async function csvOf(t: TestDb, selection: ExportSelection, bom = false) {
  const text = await exported(t, selection, 'csv', { bom });
  const [header, ...body] = parse(text, { bom: true, relax_column_count: false }) as string[][];
  return { text, header: header!, records: body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!]))) };
}

describe.each(testEngines())('export on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let reviewer: Actor;
  const all: ExportSelection = { query: query({}), viewer: null };

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedDatabase(t.db, { demoPassword: 'test-password-123' });
    const id = async (email: string) => (await t.query<{ id: number }>(`select id from users where email = $1`, [email]))[0]!.id;
    curator = { id: await id('curator@example.org'), role: 'curator' };
    reviewer = { id: await id('reviewer@example.org'), role: 'reviewer' };
  });
  afterAll(() => t.dispose());

  it('exports the 33 seeded findings with exactly the documented header, CRLF line ends', async () => {
    const { text, header, records } = await csvOf(t, all);
    expect(header).toEqual(EXPORT_COLUMN_NAMES);
    expect(records).toHaveLength(33);
    expect(text.startsWith('finding_id,revision,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(35);
    const first = records[0]!;
    expect(first.finding_id).toBe('EVX-000001');
    expect(first.revision).toBe('1');
    expect(first.approved_by).toBe('Import (system)');
    expect(first.approved_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(first.citation).toContain(`doi:${first.doi}`);
    expect(first.origin).toBe('Skeletal muscle');
    expect(first.origin_id).toBe(SKELETAL_MUSCLE);
    // Parallel lists: one type per cargo name.
    for (const r of records) expect(r.ev_cargo ? r.ev_cargo.split('; ').length : 0).toBe(r.ev_cargo_types ? r.ev_cargo_types.split('; ').length : 0);
    expect(records.some((r) => r.ev_cargo?.includes('; '))).toBe(true);
  });

  it('adds a BOM only when asked', async () => {
    expect((await csvOf(t, all, true)).text.charCodeAt(0)).toBe(0xfeff);
    expect((await csvOf(t, all, false)).text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('applies the browse filters: organ Bone + species Mouse gives exactly those rows', async () => {
    const { records } = await csvOf(t, { query: query({ organ: BONE, species: MOUSE }), viewer: null });
    expect(records).toHaveLength(5);
    for (const r of records) expect([r.target_organ, r.species, r.target_organ_id, r.species_id]).toEqual(['Bone', 'Mouse', BONE, MOUSE]);
    const expected = await t.query<{ public_id: string }>(
      `select public_id from findings where approved_revision_id is not null and target_organ = $1 and species = $2 order by id`,
      [BONE, MOUSE],
    );
    expect(records.map((r) => r.finding_id)).toEqual(expected.map((e) => e.public_id));
    // Sort, page size and cursor do not narrow an export.
    expect(await rows(t, { query: query({ organ: BONE, species: MOUSE, sort: 'year', limit: '50' }), viewer: null })).toHaveLength(5);
  });

  it('refuses a workflow-status filter other than approved', async () => {
    const it = iterateExportRows(t.db, { query: query({ status: 'submitted' }), viewer: curator });
    const e = await it.next().then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('invalid:export');
    expect(await rows(t, { query: query({ status: 'approved' }), viewer: null })).toHaveLength(33);
  });

  it('reads in keyset batches: with batchSize 5 every row comes out once, in id order', async () => {
    const batched = await rows(t, all, 5);
    const ids = batched.map((r) => r.findingId);
    expect(ids).toHaveLength(33);
    expect(new Set(ids).size).toBe(33);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(batched).toEqual(await rows(t, all));
    // Exactly divisible and batch of one work too.
    expect(await rows(t, all, 11)).toHaveLength(33);
    expect(await rows(t, all, 1)).toHaveLength(33);
  });

  it('exports pinned revisions by id, and nothing for an empty list', async () => {
    const pins = await t.query<{ id: number }>(`select approved_revision_id as id from findings where target_organ = $1 order by id`, [BONE]);
    const got = await rows(t, { revisionIds: pins.map((p) => p.id) });
    expect(got.map((r) => r.revisionId)).toEqual(pins.map((p) => p.id));
    expect(await rows(t, { revisionIds: [] })).toEqual([]);
  });

  it('neutralizes hostile cells in CSV (undone by unneutralizeCell), keeps them raw in JSON; quotes line breaks', async () => {
    const [src] = await t.query<{ id: number }>(`insert into sources (doi, title, metadata_origin) values ('10.5555/export.test', 'Export test', 'manual') returning id`);
    const hostile = {
      evSource: '=HYPERLINK("http://x")',
      recipientCell: '+cmd',
      modelDisease: '@SUM(1)',
      result: '-2+3',
      mechanism: ['=1+1', 'AKT'],
      evidenceQuote: 'First line, "quoted".\nSecond line',
      curatorNote: '=cmd|" /C calc"!A0',
    };
    const f = await createFinding(t.db, curator, {
      sourceId: src!.id,
      content: { targetOrgan: BONE, direction: 'muscle_to_organ', species: MOUSE, cargo: [{ name: 'miR-1', type: 'miRNA' }], ...hostile },
    });
    const s = await submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: 0 });
    await decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 1, lockVersion: s.lockVersion, decision: 'approve', comment: '' });

    const { records } = await csvOf(t, all);
    expect(records).toHaveLength(34);
    const row = records.find((r) => r.finding_id === f.publicId)!;
    expect(row.approved_by).toBe('Robin Reviewer');
    const cells = { ev_source: hostile.evSource, recipient_cell: hostile.recipientCell, model_disease: hostile.modelDisease, result: hostile.result, curator_note: hostile.curatorNote };
    for (const [col, original] of Object.entries(cells)) {
      expect(row[col]!.startsWith("'"), col).toBe(true);
      expect(unneutralizeCell(row[col]!)).toBe(original);
    }
    expect(row.mechanism).toBe("'=1+1; AKT");
    expect(unneutralizeCell(row.mechanism!).split('; ')).toEqual(hostile.mechanism);
    expect(row.evidence_quote).toBe(hostile.evidenceQuote);
    expect(row.ev_cargo).toBe('miR-1');
    // Every unneutralized cell of every row is what JSON carries.
    const json = JSON.parse(await exported(t, all, 'json')) as ExportJsonRecord[];
    expect(json).toHaveLength(34);
    const j = json.find((r) => r.finding_id === f.publicId)!;
    expect(Object.keys(j)).toEqual(EXPORT_COLUMN_NAMES);
    expect(j.ev_source).toBe(hostile.evSource);
    expect(j.mechanism).toEqual(hostile.mechanism);
    expect(j.ev_cargo_types).toEqual(['miRNA']);
    expect(j.revision).toBe(1);
    for (const [i, rec] of json.entries()) {
      for (const k of EXPORT_COLUMN_NAMES) {
        const v = rec[k];
        expect(unneutralizeCell(records[i]![k]!)).toBe(Array.isArray(v) ? v.join('; ') : String(v));
      }
    }
    const ndjson = await exported(t, all, 'ndjson');
    expect(ndjson.endsWith('\n')).toBe(true);
    expect(ndjson.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(json);
  });
  // On PGlite the export is the reference encoder itself; on the server COPY writes it.
  it.runIf(engine === 'postgres')('the export COPY writes is byte for byte the TypeScript reference encoder, on hostile text and odd sources', async () => {
    // Text a spreadsheet or a parser could trip on; list items cannot hold ";" (the finding schema refuses it).
    const nasty = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', '\t', '\\', ' ', 'a', 'é', '😀', '=', '+', '-', '@', "'", '\u2028', '\u0001', '\u007f'), maxLength: 10 }),
      fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', "'"), fc.string({ maxLength: 8 })).map(([a, b]) => a + b),
    );
    const texts = fc.sample(nasty.filter((x) => x.trim().length > 0), { numRuns: 120, seed: 20261127 });
    const item = (i: number) => texts[i % texts.length]!.replace(/;/g, ' ').trim() || 'x';
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
            cargo: i % 3 === 0 ? [] : [{ name: `miR-${i}`, type: 'miRNA' }, { name: item(i), type: 'protein' }],
            evSource: texts[i]!,
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
        await decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 1, lockVersion: s.lockVersion, decision: 'approve', comment: '' });
        made++;
      } catch (e) {
        // Text the finding schema refuses (or a duplicate of an earlier one) is not exported: try the next.
        if (!(e instanceof DomainError)) throw e;
      }
    }
    expect(made).toBe(12);
    const pinned = await t.query<{ id: number }>(`select approved_revision_id as id from findings where approved_revision_id is not null order by id desc limit 7`);
    const selections: ExportSelection[] = [
      all,
      { query: query({ organ: BONE }), viewer: null },
      { revisionIds: pinned.map((p) => p.id) },
      // Filter values are inlined into the COPY statement: quotes, backslashes and SQL stay data.
      { query: query({ q: "miR' \\' or 1=1; drop table findings; --" }), viewer: null },
      { query: query({ cargo: "-1'\\" }), viewer: null },
    ];
    for (const selection of selections)
      for (const format of EXPORT_FORMATS)
        for (const bom of format === 'csv' ? [false, true] : [false]) {
          expect(await exported(t, selection, format, { bom }), `${format} bom=${bom}`).toBe(await reference(t, selection, format, { bom }));
        }
    // And an empty selection: the header (CSV), an empty array (JSON), nothing (NDJSON).
    for (const format of EXPORT_FORMATS) expect(await exported(t, { revisionIds: [] }, format)).toBe(await reference(t, { revisionIds: [] }, format));
  });
  it.runIf(engine === 'postgres')('a download stopped midway ends its COPY on the server and frees its slot; the next exports run', async () => {
    const running = async () =>
      (await t.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = 'ev-crosstalk-curator-export'`))[0]!.n;
    // Long enough that it is still running when we stop reading.
    const it = t.copyOut!(`copy (select g, repeat('x', 200) from generate_series(1, 20000000) g) to stdout with (format csv)`)[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.done).toBe(false);
    expect(await running()).toBe(1);
    await it.return!(undefined);
    expect(await running()).toBe(0);
    // More exports than there are slots (4), one after another: each gets one.
    const [approved] = await t.query<{ n: number }>(`select count(*)::int as n from findings where approved_revision_id is not null`);
    for (let i = 0; i < 6; i++) expect((await exported(t, all, 'ndjson')).trimEnd().split('\n')).toHaveLength(approved!.n);
  });
});
