import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors';
import { EXPORT_COLUMN_NAMES, unneutralizeCell } from '../../lib/export/columns';
import type { ExportJsonRecord } from '../../lib/export/record';
import { SKELETAL_MUSCLE } from '../../lib/vocab';
import { BONE, makeBrowseQuery, MOUSE, openSeededDb, type TestDb, testEngines } from '../test-utils';
import { type Actor, createFinding, submitFinding } from './curation';
import { type ExportSelection, iterateExportRows } from './export';
import { exported } from './export-test-kit';
import { decide } from './review';

async function rows(t: TestDb, selection: ExportSelection, batchSize?: number) {
  const out = [];
  for await (const r of iterateExportRows(t.db, selection, batchSize)) out.push(r);
  return out;
}

async function csvOf(t: TestDb, selection: ExportSelection, bom = false) {
  const text = await exported(t, selection, 'csv', { bom });
  const [header, ...body] = parse(text, { bom: true, relax_column_count: false }) as string[][];
  return {
    text,
    header: header!,
    records: body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!]))),
  };
}

describe.each(testEngines())('export on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let reviewer: Actor;
  const all: ExportSelection = { query: makeBrowseQuery({}), viewer: null };

  beforeAll(async () => {
    ({ t, curator, reviewer } = await openSeededDb(engine));
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
    // The seed grounds EVX-000001's text in a revision 2 of its own (db/grounding.ts).
    const [listed] = await t.query<{ no: number }>(
      `select r.revision_no as no from findings f join finding_revisions r on r.id = f.approved_revision_id where f.public_id = 'EVX-000001'`,
    );
    expect(first.revision).toBe(String(listed!.no));
    expect(first.approved_by).toBe('Import (system)');
    expect(first.approved_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(first.citation).toContain(`doi:${first.doi}`);
    expect(first.origin).toBe('Skeletal muscle');
    expect(first.origin_id).toBe(SKELETAL_MUSCLE);
    // Parallel lists: one type per cargo name.
    for (const r of records)
      expect(r.ev_cargo ? r.ev_cargo.split('; ').length : 0).toBe(
        r.ev_cargo_types ? r.ev_cargo_types.split('; ').length : 0,
      );
    expect(records.some((r) => r.ev_cargo?.includes('; '))).toBe(true);
  });

  it('adds a BOM only when asked', async () => {
    expect((await csvOf(t, all, true)).text.charCodeAt(0)).toBe(0xfeff);
    expect((await csvOf(t, all, false)).text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('applies the browse filters: organ Bone + species Mouse gives exactly those rows', async () => {
    const { records } = await csvOf(t, { query: makeBrowseQuery({ organ: BONE, species: MOUSE }), viewer: null });
    expect(records).toHaveLength(5);
    for (const r of records)
      expect([r.target_organ, r.species, r.target_organ_id, r.species_id]).toEqual(['Bone', 'Mouse', BONE, MOUSE]);
    const expected = await t.query<{ public_id: string }>(
      `select public_id from findings where approved_revision_id is not null and target_organ = $1 and species = $2 order by id`,
      [BONE, MOUSE],
    );
    expect(records.map((r) => r.finding_id)).toEqual(expected.map((e) => e.public_id));
    // Sort, page size and cursor do not narrow an export.
    expect(
      await rows(t, {
        query: makeBrowseQuery({ organ: BONE, species: MOUSE, sort: 'year', limit: '50' }),
        viewer: null,
      }),
    ).toHaveLength(5);
  });

  it('refuses a workflow-status filter other than approved', async () => {
    const it = iterateExportRows(t.db, { query: makeBrowseQuery({ status: 'submitted' }), viewer: curator });
    const e = await it.next().then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('invalid:export');
    expect(await rows(t, { query: makeBrowseQuery({ status: 'approved' }), viewer: null })).toHaveLength(33);
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
    const pins = await t.query<{ id: number }>(
      `select approved_revision_id as id from findings where target_organ = $1 order by id`,
      [BONE],
    );
    const got = await rows(t, { revisionIds: pins.map((p) => p.id) });
    expect(got.map((r) => r.revisionId)).toEqual(pins.map((p) => p.id));
    expect(await rows(t, { revisionIds: [] })).toEqual([]);
  });

  it('neutralizes hostile cells in CSV (undone by unneutralizeCell), keeps them raw in JSON; quotes line breaks', async () => {
    const [src] = await t.query<{ id: number }>(
      `insert into sources (doi, title, metadata_origin) values ('10.5555/export.test', 'Export test', 'manual') returning id`,
    );
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
      content: {
        targetOrgan: BONE,
        direction: 'muscle_to_organ',
        species: MOUSE,
        cargo: [{ name: 'miR-1', type: 'miRNA' }],
        ...hostile,
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

    const { records } = await csvOf(t, all);
    expect(records).toHaveLength(34);
    const row = records.find((r) => r.finding_id === f.publicId)!;
    expect(row.approved_by).toBe('Robin Reviewer');
    const cells = {
      ev_source: hostile.evSource,
      recipient_cell: hostile.recipientCell,
      model_disease: hostile.modelDisease,
      result: hostile.result,
      curator_note: hostile.curatorNote,
    };
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
        // The CSV spelling of a JSON value: lists joined, null empty, booleans yes / no (lib/export/record.ts).
        const cell = Array.isArray(v)
          ? v.join('; ')
          : v === null
            ? ''
            : typeof v === 'boolean'
              ? v
                ? 'yes'
                : 'no'
              : v;
        expect(unneutralizeCell(records[i]![k]!)).toBe(String(cell));
      }
    }
    const ndjson = await exported(t, all, 'ndjson');
    expect(ndjson.endsWith('\n')).toBe(true);
    expect(
      ndjson
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(json);
  });
});
