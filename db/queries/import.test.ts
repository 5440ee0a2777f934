import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, testEngines } from '../test-utils';
import { commitImport, dryRunImport } from './import';
import { type ImportKit, makeImportRows, makeLine, openImportKit } from './import-test-kit';

describe.each(testEngines())('import on %s', (engine) => {
  let t: ImportKit['t'];
  let curator: ImportKit['curator'];
  let counts: ImportKit['counts'];

  beforeAll(async () => {
    ({ t, curator, counts } = await openImportKit(engine));
  });
  afterAll(() => t.dispose());

  it('one bad row among 100: the dry run reports its number and field; commit imports nothing', async () => {
    const rows = makeImportRows(Array.from({ length: 100 }, (_, i) => makeLine(i, i === 56 ? { result: '' } : {})));
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
    const rows = makeImportRows([
      makeLine(1, { target_organ: 'Spleenish', ev_cargo_types: 'miRNA; gizmo' }),
      makeLine(2, { doi: '10.5555/not.recorded' }),
      makeLine(3, { doi: 'not a doi' }),
      makeLine(4, { recipient_cell: '<b>cells</b>' }),
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
    const dupOfSeed = makeLine(1, {
      target_organ: 'skeletal muscle',
      ev_cargo: 'palmitate',
      ev_cargo_types: 'lipid',
      recipient_cell: ' c2c12   CELLS ',
      doi: 'https://doi.org/10.1007/S00125-014-3337-2',
    });
    const rows = makeImportRows([
      dupOfSeed,
      makeLine(2),
      makeLine(3),
      makeLine(2, {
        ev_cargo: 'CD63; miR-102-5p',
        ev_cargo_types: 'protein; miRNA',
        result: 'Same finding, other words.',
      }),
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
    const rows = makeImportRows([makeLine(201), makeLine(202), makeLine(203)]);
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
    const rows = makeImportRows([makeLine(301), makeLine(302)]);
    const r = await commitImport(t.db, curator, rows, 'submit', { fileName: 'submit.csv' });
    if (!r.committed) throw new Error(JSON.stringify(r.report));
    const statuses = await t.query<{ status: string }>(`select status from findings where public_id = any($1)`, [
      r.created.map((c) => c.publicId),
    ]);
    expect(statuses.map((s) => s.status)).toEqual(['submitted', 'submitted']);
    expect(
      await countOf(
        t,
        `select count(*)::int n from audit_events where action = 'finding.submit' and entity_id = any($1)`,
        [
          (
            await t.query<{ id: number }>(`select id from findings where public_id = any($1)`, [
              r.created.map((c) => c.publicId),
            ])
          ).map((x) => String(x.id)),
        ],
      ),
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
          makeImportRows([makeLine(401), makeLine(402), makeLine(403, { recipient_cell: 'Boom cells' })]),
          'draft',
        ),
      ).rejects.toThrow();
      expect(await counts()).toEqual(before);
    } finally {
      await t.query('drop trigger evx_test_boom on finding_revisions');
      await t.query('drop function evx_test_boom()');
    }
  });
});
