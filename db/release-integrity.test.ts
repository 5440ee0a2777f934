import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_ONLY, sqlState } from './errors';
import { cutRelease, getReleaseFile, listReleases } from './queries/releases';
import { releaseFiles, releaseFindings, releases } from './schema';
import { countOf, type DemoActors, failure, openSeededDb, type TestDb, testEngines } from './test-utils';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The SQLSTATE a statement fails with. */
const refusal = async (p: PromiseLike<unknown>) => sqlState(await failure(p));

describe.each(testEngines())('release integrity on %s', (engine) => {
  let t: TestDb;
  let admin: DemoActors['admin'];
  let releaseId: number;
  /** Everything about the release, to compare after each refused write. */
  let snapshot: () => Promise<unknown>;

  beforeAll(async () => {
    ({ t, admin } = await openSeededDb(engine));
    const cut = await cutRelease(t.db, admin, { tag: '2026.3.0', notes: 'First release.' });
    releaseId = cut.id;
    snapshot = async () => ({
      release: await t.query(
        `select id, tag, notes, created_by, created_at, finding_count, source_count, checksum from releases`,
      ),
      members: await t.query(`select release_id, finding_id, revision_id from release_findings order by finding_id`),
      files: await t.query(`select release_id, format, content_type, sha256, md5(body) as md5 from release_files`),
    });
  });
  afterAll(() => t?.dispose());

  it('cutting a release still fills in its counts and checksum once', async () => {
    const [r] = await listReleases(t.db);
    expect(r).toMatchObject({ tag: '2026.3.0', findingCount: expect.any(Number), checksum: expect.any(String) });
    expect(r!.findingCount).toBeGreaterThan(0);
    expect(r!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await countOf(t, `select count(*)::int as n from release_findings`)).toBe(r!.findingCount);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of release membership', async () => {
    const before = await snapshot();
    expect(await refusal(t.query(`update release_findings set revision_id = revision_id + 1`))).toBe(APPEND_ONLY);
    expect(await refusal(t.query(`delete from release_findings where release_id = $1`, [releaseId]))).toBe('EV002');
    expect(await refusal(t.query(`truncate release_findings`))).toBe('EV002');
    expect(await refusal(t.db.delete(releaseFindings).where(eq(releaseFindings.releaseId, releaseId)))).toBe('EV002');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of release files', async () => {
    const before = await snapshot();
    expect(await refusal(t.query(`update release_files set body = 'tampered'::bytea where format = 'csv'`))).toBe(
      'EV002',
    );
    expect(await refusal(t.query(`update release_files set sha256 = repeat('0', 64)`))).toBe('EV002');
    expect(
      await refusal(t.db.update(releaseFiles).set({ contentType: 'text/html' }).where(eq(releaseFiles.format, 'csv'))),
    ).toBe('EV002');
    expect(await refusal(t.query(`delete from release_files`))).toBe('EV002');
    expect(await refusal(t.query(`truncate release_files`))).toBe('EV002');
    expect(await snapshot()).toEqual(before);
    const csv = await getReleaseFile(t.db, '2026.3.0', 'csv');
    expect(sha256(csv!.body)).toBe(csv!.sha256);
  });

  it('refuses any change to a cut release row, and its deletion', async () => {
    const before = await snapshot();
    for (const set of [
      `notes = 'rewritten'`,
      `tag = '2026.3.1'`,
      `checksum = repeat('0', 64)`,
      `finding_count = finding_count + 1`,
      `source_count = 0`,
      `created_at = now()`,
      `checksum = ''`,
    ])
      expect(await refusal(t.query(`update releases set ${set} where id = $1`, [releaseId])), set).toBe('EV002');
    expect(await refusal(t.db.update(releases).set({ notes: 'x' }).where(eq(releases.id, releaseId)))).toBe('EV002');
    expect(await refusal(t.query(`delete from releases where id = $1`, [releaseId]))).toBe('EV002');
    // Plain TRUNCATE is stopped by the foreign keys; CASCADE reaches the triggers.
    expect(await refusal(t.query(`truncate releases`))).toBe('0A000');
    expect(await refusal(t.query(`truncate releases cascade`))).toBe('EV002');
    expect(await refusal(t.query(`truncate findings cascade`))).toBe('EV002');
    expect(await snapshot()).toEqual(before);
  });

  it('a release row being cut takes its counts and checksum once, and nothing else', async () => {
    const [row] = await t.query<{ id: number }>(
      `insert into releases (tag, created_by, finding_count, source_count, checksum)
       values ('2026.3.9', $1, 0, 0, '') returning id`,
      [admin.id],
    );
    const id = row!.id;
    // Not its tag or notes, even together with the fill; not back to empty.
    expect(
      await refusal(t.query(`update releases set tag = 'x', checksum = repeat('a', 64) where id = $1`, [id])),
    ).toBe('EV002');
    expect(await refusal(t.query(`update releases set finding_count = 3 where id = $1`, [id]))).toBe('EV002');
    await t.query(`update releases set finding_count = 3, source_count = 2, checksum = repeat('a', 64) where id = $1`, [
      id,
    ]);
    expect(await refusal(t.query(`update releases set checksum = repeat('b', 64) where id = $1`, [id]))).toBe('EV002');
    expect(await refusal(t.query(`delete from releases where id = $1`, [id]))).toBe('EV002');
  });

  it('new releases can still be cut beside the frozen ones', async () => {
    const second = await cutRelease(t.db, admin, { tag: '2026.3.1' });
    expect(second.files.map((f) => f.format).sort()).toEqual(['csv', 'datapackage', 'evidence', 'json']);
    expect((await listReleases(t.db)).map((r) => r.tag)).toContain('2026.3.0');
  });
});
