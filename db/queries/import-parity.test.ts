import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingContentSchema } from '../../lib/finding/schema';
import { EXPORT_COLUMN_NAMES, type ExportRecord } from '../../lib/export/columns';
import { parseImportFile } from '../../lib/import/parse';
import { testEngines } from '../test-utils';
import { createFinding, findDuplicates, submitFinding } from './curation';
import { commitImport, dryRunImport } from './import';
import {
  DOI,
  exportRecords,
  type ImportKit,
  makeImportRows,
  makeLine,
  openImportKit,
  openSourcesOnlyDb,
  sorted,
} from './import-test-kit';
import { decide } from './review';
import { createUser } from './users';

describe.each(testEngines())('import on %s', (engine) => {
  let t: ImportKit['t'];
  let curator: ImportKit['curator'];

  beforeAll(async () => {
    ({ t, curator } = await openImportKit(engine));
  });
  afterAll(() => t.dispose());

  it('writes what createFinding and submitFinding write, row for row', async () => {
    const full = {
      ...makeLine(501),
      ev_cargo: 'MIR-133A; Palmitate',
      ev_cargo_types: 'miRNA; lipid',
    };
    const [draftRow] = makeImportRows([full]);
    const [submitRow] = makeImportRows([{ ...full, recipient_cell: 'Submitted cells 501' }]);
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
