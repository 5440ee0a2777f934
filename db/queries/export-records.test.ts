import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectBytes, encodeCsv, encodeJson, EXPORT_FORMATS } from '../../lib/export/encode';
import type { ExportJsonRecord } from '../../lib/export/record';
import { revisionToContent } from '../../lib/finding/from-row';
import { approveFinding, BONE, makeBrowseQuery, MOUSE, openSeededDb, type TestDb, testEngines } from '../test-utils';
import { type Actor, saveDraft, submitFinding } from './curation';
import { type ExportSelection, iterateExportRows } from './export';
import { refreshExportRecordsSql } from './export-records';
import { exported, reference } from './export-test-kit';
import { getRevision } from './findings';
import { cutRelease, getReleaseFile } from './releases';
import { decide } from './review';
import { updateSourceMetadata } from './sources';

type Stored = { finding_id: number; revision_id: number; csv_line: string; json_text: string };

describe.each(testEngines())('stored export records on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let reviewer: Actor;
  let admin: Actor;
  const all: ExportSelection = { query: makeBrowseQuery({}), viewer: null };
  const selections: ExportSelection[] = [
    all,
    { query: makeBrowseQuery({ organ: BONE, species: MOUSE }), viewer: null },
    { query: makeBrowseQuery({ q: 'muscle' }), viewer: null },
    { query: makeBrowseQuery({ yearFrom: '2019' }), viewer: null },
  ];
  const stored = () =>
    t.query<Stored>(`select finding_id, revision_id, csv_line, json_text from export_records order by finding_id`);
  const storedJson = async (findingId: number) =>
    JSON.parse(
      (await t.query<{ j: string }>(`select json_text as j from export_records where finding_id = $1`, [findingId]))[0]!
        .j,
    ) as ExportJsonRecord;

  /** Every export of every selection is the reference encoder's bytes (the live rows, encoded in TypeScript). */
  async function exportsMatchEncoder() {
    for (const selection of selections)
      for (const format of EXPORT_FORMATS)
        expect(await exported(t, selection, format), format).toBe(await reference(t, selection, format));
  }

  async function approvedFinding(content: Record<string, unknown>, sourceId?: number) {
    const [src] = await t.query<{ id: number }>(`select id from sources order by id limit 1`);
    return (await approveFinding(t, { curator, reviewer }, { sourceId: sourceId ?? src!.id, content })).findingId;
  }

  beforeAll(async () => {
    ({ t, curator, reviewer, admin } = await openSeededDb(engine));
  }, 300_000);
  afterAll(() => t.dispose());

  it('one record per approved finding, of its approved revision; the backfill writes the same bytes', async () => {
    const [c] = await t.query<{ approved: number; records: number; matching: number }>(
      `select (select count(*)::int from findings where approved_revision_id is not null) as approved,
              (select count(*)::int from export_records) as records,
              (select count(*)::int from export_records e join findings f on f.id = e.finding_id
                 and f.approved_revision_id = e.revision_id) as matching`,
    );
    expect(c!.approved).toBeGreaterThan(30);
    expect([c!.records, c!.matching]).toEqual([c!.approved, c!.approved]);
    const before = await stored();
    await t.query(`delete from export_records`);
    expect(await stored()).toEqual([]);
    await t.query(refreshExportRecordsSql(1, 2 ** 31 - 1));
    expect(await stored()).toEqual(before);
    await exportsMatchEncoder();
  });

  it("a source's metadata edit rewrites its findings' records (citation), and no other record", async () => {
    const [src] = await t.query<{ source_id: number }>(
      `select source_id from findings where approved_revision_id is not null group by source_id order by count(*) desc limit 1`,
    );
    const sourceId = src!.source_id;
    const before = await stored();
    await updateSourceMetadata(t.db, admin.id, sourceId, {
      title: '=Hostile, "quoted" title.',
      authors: '@Roe, R., "Doe", J.',
      journal: '+J. Odd, Journal',
      year: 2021,
      volumePages: '',
      pmid: null,
    });
    const mine = new Set(
      (
        await t.query<{ id: number }>(
          `select id from findings where source_id = $1 and approved_revision_id is not null`,
          [sourceId],
        )
      ).map((r) => r.id),
    );
    expect(mine.size).toBeGreaterThan(0);
    const after = await stored();
    for (const [i, b] of before.entries()) {
      if (mine.has(b.finding_id)) expect(after[i]!.csv_line).not.toBe(b.csv_line);
      else expect(after[i]).toEqual(b);
    }
    const j = await storedJson([...mine][0]!);
    expect(j.citation).toBe(`@Roe, R., "Doe", J. (2021). =Hostile, "quoted" title. +J. Odd, Journal. doi:${j.doi}`);
    await exportsMatchEncoder();
    // Any writer of the row, not only the app's: a line break and no year, straight in SQL.
    await t.query(`update sources set title = $1, year = null where id = $2`, ['Two\r\nlines', sourceId]);
    expect((await storedJson([...mine][0]!)).citation).toBe(
      `@Roe, R., "Doe", J. (n.d.). Two\r\nlines. +J. Odd, Journal. doi:${j.doi}`,
    );
    await exportsMatchEncoder();
  });

  it("renaming the approving reviewer rewrites approved_by in that reviewer's records", async () => {
    const id = await approvedFinding({ result: 'Approved before the rename.', recipientCell: 'Renamed-test cells' });
    expect((await storedJson(id)).approved_by).toBe('Robin Reviewer');
    await t.query(`update users set name = $1 where id = $2`, ['-Robin, "R." Reviewer', reviewer.id]);
    expect((await storedJson(id)).approved_by).toBe('-Robin, "R." Reviewer');
    await exportsMatchEncoder();
    await t.query(`update users set name = 'Robin Reviewer' where id = $1`, [reviewer.id]);
  });

  it('a term label change leaves the records as they were: a revision keeps the labels it was approved with', async () => {
    const before = await stored();
    await t.query(`update terms set label = 'Renamed bone' where curie = $1`, [BONE]);
    expect(await stored()).toEqual(before);
    await exportsMatchEncoder();
  });

  it('a newer approved revision replaces the record; filtered exports stay the encoder\u2019s', async () => {
    const id = await approvedFinding({ result: 'First result; "r1", =1', recipientCell: 'Second-revision cells' });
    const [f] = await t.query<{ approved_revision_id: number; lock_version: number }>(
      `select approved_revision_id, lock_version from findings where id = $1`,
      [id],
    );
    const old = (await getRevision(t.db, f!.approved_revision_id))!;
    const saved = await saveDraft(t.db, curator, {
      findingId: id,
      lockVersion: f!.lock_version,
      content: { ...revisionToContent(old), result: 'Second result,\r\n"r2"' },
      changeSummary: 'Second',
    });
    const sub = await submitFinding(t.db, curator, { findingId: id, lockVersion: saved.lockVersion });
    await decide(t.db, reviewer, {
      findingId: id,
      revisionNo: sub.revisionNo,
      lockVersion: sub.lockVersion,
      decision: 'approve',
      comment: '',
    });
    const j = await storedJson(id);
    expect([j.revision, j.result]).toEqual([2, 'Second result,\r\n"r2"']);
    await exportsMatchEncoder();
  });

  it("a release's findings.csv and findings.json are the encoder's bytes for the revisions it pinned", async () => {
    const release = await cutRelease(t.db, admin, { tag: '2026.12.0' });
    const pins = () => iterateExportRows(t.db, { releaseId: release.id });
    const csv = (await getReleaseFile(t.db, '2026.12.0', 'csv'))!.body;
    const json = (await getReleaseFile(t.db, '2026.12.0', 'json'))!.body;
    expect(csv.equals(await collectBytes(encodeCsv(pins(), { bom: false })))).toBe(true);
    expect(json.equals(await collectBytes(encodeJson(pins())))).toBe(true);
    expect(JSON.parse(json.toString('utf8'))).toHaveLength(release.findingCount);
  });
});
