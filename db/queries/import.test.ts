import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingContentSchema } from '../../lib/finding/schema';
import { EXPORT_COLUMN_NAMES, type ExportRecord, TABLE1_COLUMNS } from '../../lib/export/columns';
import { collectBytes, encodeCsv } from '../../lib/export/encode';
import { toExportRecord } from '../../lib/export/record';
import { parseImportFile } from '../../lib/import/parse';
import type { ImportRow } from '../../lib/import/types';
import { REFERENCES_FILE, SEED_DATA_DIR, seedDatabase, TABLE1_FILE } from '../seed-lib';
import { openTestDb, type TestDb, testEngines } from '../test-utils';
import { type Actor, createFinding, findDuplicates, submitFinding } from './curation';
import { iterateExportRows } from './export';
import { commitImport, dryRunImport } from './import';
import { decide } from './review';
import { createUser } from './users';

const DOI = '10.3389/fendo.2021.697204';
const sorted = (xs: readonly string[]) => [...xs].sort();
const header = [
  'target_organ',
  'species',
  'ev_source',
  'ev_cargo',
  'ev_cargo_types',
  'recipient_cell',
  'model_disease',
  'result',
  'direction',
  'doi',
];
type Line = Partial<Record<(typeof header)[number], string>>;

const line = (i: number, over: Line = {}): Line => ({
  target_organ: 'Liver',
  species: 'Mouse',
  ev_source: 'Gastrocnemius of exercised mice',
  ev_cargo: `miR-${100 + i}-5p; CD63`,
  ev_cargo_types: 'miRNA; protein',
  recipient_cell: `Hepatocytes batch ${i}`,
  model_disease: 'HIIT',
  result: `Muscle EVs lower hepatic lipid content (${i}).`,
  direction: 'muscle_to_organ',
  doi: DOI,
  ...over,
});

function rowsOf(lines: Line[]): ImportRow[] {
  const csv = stringify([header, ...lines.map((l) => header.map((h) => l[h] ?? ''))]);
  const r = parseImportFile(new TextEncoder().encode(csv));
  if (!r.ok) throw new Error(r.message);
  return r.parsed.rows;
}

async function exportRecords(t: TestDb): Promise<{ csv: string; records: ExportRecord[] }> {
  const records: ExportRecord[] = [];
  for await (const r of iterateExportRows(t.db, { conditions: [] })) records.push(toExportRecord(r));
  const csv = (await collectBytes(encodeCsv(iterateExportRows(t.db, { conditions: [] })))).toString('utf8');
  return { csv, records };
}

/** A fresh database holding the review's sources only: the seed run on its references and an empty Table 1. */
async function openSourcesOnlyDb(engine: TestDb['engine']): Promise<TestDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evx-import-'));
  try {
    copyFileSync(path.join(SEED_DATA_DIR, REFERENCES_FILE), path.join(dir, REFERENCES_FILE));
    writeFileSync(path.join(dir, TABLE1_FILE), `${TABLE1_COLUMNS.join(',')}\n`);
    const t = await openTestDb(engine);
    await seedDatabase(t.db, { dataDir: dir });
    return t;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(testEngines())('import on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  const n = async (sql: string, params: unknown[] = []) => Number((await t.query<{ n: number }>(sql, params))[0]!.n);
  const counts = async () => ({
    findings: await n('select count(*)::int n from findings'),
    revisions: await n('select count(*)::int n from finding_revisions'),
    audit: await n('select count(*)::int n from audit_events'),
  });

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedDatabase(t.db, { demoPassword: 'test-password-123' });
    curator = {
      id: (await t.query<{ id: number }>(`select id from users where email = 'curator@example.org'`))[0]!.id,
      role: 'curator',
    };
  });
  afterAll(() => t.dispose());

  it('one bad row among 100: the dry run reports its number and field; commit imports nothing', async () => {
    const rows = rowsOf(Array.from({ length: 100 }, (_, i) => line(i, i === 56 ? { result: '' } : {})));
    const report = await dryRunImport(t.db, curator, rows);
    expect(report.counts).toEqual({ total: 100, valid: 99, error: 1, duplicate: 0 });
    const bad = report.rows.filter((r) => r.status !== 'valid');
    expect(bad).toEqual([
      expect.objectContaining({ row: 57, status: 'error', problems: [{ field: 'result', message: 'Required.' }] }),
    ]);

    const before = await counts();
    const commit = await commitImport(t.db, curator, rows, 'submit', { fileName: 'batch.csv' });
    expect(commit.committed).toBe(false);
    expect(commit.report.counts.error).toBe(1);
    expect(await counts()).toEqual(before);
  });

  it('reports every problem of a row against its column, and unknown DOIs as "add this source first"', async () => {
    const rows = rowsOf([
      line(1, { target_organ: 'Spleenish', ev_cargo_types: 'miRNA; gizmo' }),
      line(2, { doi: '10.5555/not.recorded' }),
      line(3, { doi: 'not a doi' }),
      line(4, { recipient_cell: '<b>cells</b>' }),
    ]);
    const report = await dryRunImport(t.db, curator, rows);
    expect(report.rows.map((r) => [r.row, r.status, r.problems.map((p) => p.field)])).toEqual([
      [1, 'error', ['target_organ', 'ev_cargo_types']],
      [2, 'error', ['doi']],
      [3, 'error', ['doi']],
      [4, 'error', ['recipient_cell']],
    ]);
    expect(report.rows[0]!.problems[1]!.message).toBe('Item 2: Choose a cargo type from the list.');
    expect(report.rows[1]!.problems[0]!.message).toContain('Add this source first');
  });

  it('reports duplicates of a standing finding and of an earlier row of the same file; commit refuses', async () => {
    // Row 3 of Table 1 (Aswad et al. 2014): skeletal muscle, C2C12 cells, palmitate.
    const [seeded] = await t.query<{ public_id: string }>(
      `select f.public_id from findings f join finding_revisions r on r.id = f.approved_revision_id where f.doi = '10.1007/s00125-014-3337-2' and r.recipient_cell = 'C2C12 cells'`,
    );
    const dupOfSeed = line(1, {
      target_organ: 'skeletal muscle',
      ev_cargo: 'palmitate',
      ev_cargo_types: 'lipid',
      recipient_cell: ' c2c12   CELLS ',
      doi: 'https://doi.org/10.1007/S00125-014-3337-2',
    });
    const rows = rowsOf([
      dupOfSeed,
      line(2),
      line(3),
      line(2, { ev_cargo: 'CD63; miR-102-5p', ev_cargo_types: 'protein; miRNA', result: 'Same finding, other words.' }),
    ]);
    const report = await dryRunImport(t.db, curator, rows);
    expect(report.counts).toEqual({ total: 4, valid: 2, error: 0, duplicate: 2 });
    expect(report.rows[0]).toMatchObject({
      row: 1,
      status: 'duplicate',
      duplicateOf: [seeded!.public_id],
      duplicateOfRow: null,
    });
    expect(report.rows[3]).toMatchObject({ row: 4, status: 'duplicate', duplicateOf: [], duplicateOfRow: 2 });
    const before = await counts();
    expect((await commitImport(t.db, curator, rows, 'draft')).committed).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('a good file commits every row as a draft of the importer, with audit events, in one transaction', async () => {
    const rows = rowsOf([line(201), line(202), line(203)]);
    const before = await counts();
    const r = await commitImport(t.db, curator, rows, 'draft', { fileName: 'good.csv' });
    if (!r.committed) throw new Error(JSON.stringify(r.report));
    expect(r.created.map((c) => c.row)).toEqual([1, 2, 3]);
    const ids = r.created.map((c) => c.publicId);
    const stored = await t.query<{
      public_id: string;
      status: string;
      author_id: number;
      change_summary: string;
      submitted_at: Date | null;
    }>(
      `select f.public_id, f.status, r.author_id, r.change_summary, r.submitted_at from findings f join finding_revisions r on r.id = f.latest_revision_id where f.public_id = any($1) order by f.id`,
      [ids],
    );
    expect(stored.map((s) => [s.status, s.author_id, s.change_summary, s.submitted_at])).toEqual(
      [1, 2, 3].map((i) => ['draft', curator.id, `Imported from good.csv, row ${i}`, null]),
    );
    expect(await counts()).toEqual({
      findings: before.findings + 3,
      revisions: before.revisions + 3,
      audit: before.audit + 4,
    });
    const [bulk] = await t.query<{ actor_id: number; detail: { mode: string; rows: number; findings: string[] } }>(
      `select actor_id, detail from audit_events where action = 'finding.bulk_import' order by id desc limit 1`,
    );
    expect(bulk).toMatchObject({ actor_id: curator.id, detail: { mode: 'draft', rows: 3, findings: ids } });

    // Drafts block nobody (as in the form): importing the same file again is still valid until these are submitted.
    const again = await dryRunImport(t.db, curator, rows);
    expect(again.counts.valid).toBe(3);
  });

  it('submit mode leaves every row awaiting review; a failure mid-way rolls back the rows before it', async () => {
    const rows = rowsOf([line(301), line(302)]);
    const r = await commitImport(t.db, curator, rows, 'submit', { fileName: 'submit.csv' });
    if (!r.committed) throw new Error(JSON.stringify(r.report));
    const statuses = await t.query<{ status: string }>(`select status from findings where public_id = any($1)`, [
      r.created.map((c) => c.publicId),
    ]);
    expect(statuses.map((s) => s.status)).toEqual(['submitted', 'submitted']);
    expect(
      await n(`select count(*)::int n from audit_events where action = 'finding.submit' and entity_id = any($1)`, [
        (
          await t.query<{ id: number }>(`select id from findings where public_id = any($1)`, [
            r.created.map((c) => c.publicId),
          ])
        ).map((x) => String(x.id)),
      ]),
    ).toBe(2);

    // Make the third insert fail inside the transaction: nothing of the first two may remain.
    await t.query(
      `create function evx_test_boom() returns trigger language plpgsql as $$ begin raise exception 'boom'; end $$`,
    );
    await t.query(
      `create trigger evx_test_boom before insert on finding_revisions for each row when (new.recipient_cell = 'Boom cells') execute function evx_test_boom()`,
    );
    try {
      const before = await counts();
      await expect(
        commitImport(
          t.db,
          curator,
          rowsOf([line(401), line(402), line(403, { recipient_cell: 'Boom cells' })]),
          'draft',
        ),
      ).rejects.toThrow();
      expect(await counts()).toEqual(before);
    } finally {
      await t.query('drop trigger evx_test_boom on finding_revisions');
      await t.query('drop function evx_test_boom()');
    }
  });

  it('writes what createFinding and submitFinding write, row for row', async () => {
    const full = {
      ...line(501),
      ev_cargo: 'MIR-133A; Palmitate',
      ev_cargo_types: 'miRNA; lipid',
    };
    const [draftRow] = rowsOf([full]);
    const [submitRow] = rowsOf([{ ...full, recipient_cell: 'Submitted cells 501' }]);
    const viaImport = [
      await commitImport(t.db, curator, [draftRow!], 'draft', { fileName: 'same.csv' }),
      await commitImport(t.db, curator, [submitRow!], 'submit', { fileName: 'same.csv' }),
    ].map((r) => (r.committed ? r.created[0]!.publicId : ''));
    const [source] = await t.query<{ id: number }>('select id from sources where doi = $1', [DOI]);
    const a = await createFinding(t.db, curator, {
      sourceId: source!.id,
      content: draftRow!.content,
      changeSummary: 'Imported from same.csv, row 1',
    });
    const b = await createFinding(t.db, curator, {
      sourceId: source!.id,
      content: { ...submitRow!.content, recipientCell: 'Submitted cells 502' },
      changeSummary: 'Imported from same.csv, row 1',
    });
    await submitFinding(t.db, curator, { findingId: b.findingId, lockVersion: b.lockVersion });

    const snapshot = async (publicId: string) => {
      const [f] = await t.query<Record<string, unknown>>(
        `select f.*, r.* , f.id as fid from findings f join finding_revisions r on r.id = f.latest_revision_id where f.public_id = $1`,
        [publicId],
      );
      const events = await t.query<{ action: string; detail: unknown }>(
        `select action, detail from audit_events where entity = 'finding' and entity_id = $1 order by id`,
        [String(f!.fid)],
      );
      const skip = [
        'id',
        'fid',
        'public_id',
        'finding_id',
        'latest_revision_id',
        'created_at',
        'updated_at',
        'submitted_at',
        'edit_session',
        'recipient_cell',
        'search',
      ];
      return {
        row: Object.fromEntries(Object.entries(f!).filter(([k]) => !skip.includes(k))),
        submitted: f!.submitted_at !== null,
        events,
      };
    };
    expect(await snapshot(viaImport[0]!)).toEqual(await snapshot(a.publicId));
    expect(await snapshot(viaImport[1]!)).toEqual(await snapshot(b.publicId));
    expect((await snapshot(viaImport[1]!)).events.map((e) => e.action)).toEqual(['finding.create', 'finding.submit']);
  });

  it('the one-query duplicate check agrees with findDuplicates, row for row', async () => {
    const parsed = parseImportFile(new TextEncoder().encode((await exportRecords(t)).csv));
    if (!parsed.ok) throw new Error(parsed.message);
    const report = await dryRunImport(t.db, curator, parsed.parsed.rows);
    expect(report.counts).toEqual({ total: 33, valid: 0, error: 0, duplicate: 33 });
    for (const [i, row] of parsed.parsed.rows.entries()) {
      const [source] = await t.query<{ id: number }>('select id from sources where doi = $1', [row.doi]);
      const expected = await findDuplicates(t.db, null, source!.id, findingContentSchema.parse(row.content));
      expect(sorted(report.rows[i]!.duplicateOf)).toEqual(sorted(expected));
    }
  });

  it('round trip: the 33 seeded findings, exported, imported into an empty database, approved there and exported again, give the same rows', async () => {
    const first = await exportRecords(t);
    expect(first.records).toHaveLength(33);
    const parsed = parseImportFile(new TextEncoder().encode(first.csv));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.parsed.format).toBe('export-csv');

    const fresh = await openSourcesOnlyDb(engine);
    try {
      expect(Number((await fresh.query<{ n: number }>('select count(*)::int n from findings'))[0]!.n)).toBe(0);
      const importer = await createUser(fresh.db, null, {
        email: 'importer@example.org',
        name: 'Ivy Importer',
        role: 'curator',
        password: 'long-enough-pass',
      });
      const approver = await createUser(fresh.db, null, {
        email: 'approver@example.org',
        name: 'Abe Approver',
        role: 'reviewer',
        password: 'long-enough-pass',
      });
      const dry = await dryRunImport(fresh.db, { id: importer.id, role: 'curator' }, parsed.parsed.rows);
      expect(dry.rows.filter((r) => r.status !== 'valid')).toEqual([]);
      const r = await commitImport(fresh.db, { id: importer.id, role: 'curator' }, parsed.parsed.rows, 'submit', {
        fileName: 'evx-findings.csv',
      });
      if (!r.committed) throw new Error(JSON.stringify(r.report.rows.filter((x) => x.status !== 'valid')));
      const pending = await fresh.query<{ id: number; lock_version: number }>(
        `select id, lock_version from findings where status = 'submitted' order by id`,
      );
      expect(pending).toHaveLength(33);
      for (const f of pending)
        await decide(
          fresh.db,
          { id: approver.id, role: 'reviewer' },
          { findingId: f.id, revisionNo: 1, lockVersion: f.lock_version, decision: 'approve', comment: '' },
        );

      const second = await exportRecords(fresh);
      const strip = (rs: ExportRecord[]) =>
        rs.map(({ finding_id: _f, revision: _r, approved_by: _b, approved_at: _a, ...rest }) => rest);
      expect(strip(second.records)).toEqual(strip(first.records));
      expect(second.records.every((x) => x.approved_by === 'Abe Approver')).toBe(true);
      expect(Object.keys(second.records[0]!)).toEqual(EXPORT_COLUMN_NAMES);
    } finally {
      await fresh.dispose();
    }
  });
});
