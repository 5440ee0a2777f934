import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBrowseQuery } from '../../lib/browse/filters';
import { EXPORT_COLUMN_NAMES } from '../../lib/export/columns';
import type { DataPackage } from '../../lib/export/datapackage';
import { collectBytes, encodeCsv } from '../../lib/export/encode';
import type { ExportJsonRecord } from '../../lib/export/record';
import { revisionToContent } from '../../lib/finding/from-row';
import { VOCABULARIES } from '../../lib/vocab/sources';
import { domainFailure, openSeededDb, type TestDb, testEngines } from '../test-utils';
import { loadVocabularies, VOCAB_DIR } from '../vocab-load';
import { type Actor, saveDraft, submitFinding } from './curation';
import { iterateExportRows } from './export';
import { getRevision } from './findings';
import { cutRelease, getRelease, getReleaseFile, listReleases } from './releases';
import { decide } from './review';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const csvRecords = (b: Buffer) => parse(b, { columns: true }) as Record<string, string>[];

/** A copy of db/vocab/ whose uberon.tsv lacks one leaf term (ligament): a "newer release" for the loader. */
function vocabDirWithoutLigament(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'evx-vocab-'));
  for (const f of readdirSync(VOCAB_DIR).filter((n) => n.endsWith('.tsv'))) {
    const text = readFileSync(path.join(VOCAB_DIR, f), 'utf8');
    const kept = f === 'uberon.tsv' ? text.replace(/^UBERON:0000211\tligament\t.*\n/m, '') : text;
    writeFileSync(path.join(dir, f), kept);
  }
  return dir;
}

describe.each(testEngines())('releases on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let reviewer: Actor;
  let admin: Actor;

  beforeAll(async () => {
    ({ t, curator, reviewer, admin } = await openSeededDb(engine));
  });
  afterAll(() => t.dispose());

  it('only an admin can cut a release, and tags and notes are validated', async () => {
    for (const who of [curator, reviewer])
      expect((await domainFailure(cutRelease(t.db, who, { tag: '2026.1.0' }))).code).toBe('forbidden:release');
    const bad = await domainFailure(cutRelease(t.db, admin, { tag: 'v1.0', notes: 'x' }));
    expect(bad.code).toBe('invalid:release');
    expect(bad.details?.fields?.tag).toMatch(/year\.month\.number/);
    expect((await domainFailure(cutRelease(t.db, admin, { tag: '2026.13.0' }))).details?.fields?.tag).toMatch(/month/);
    expect(
      (await domainFailure(cutRelease(t.db, admin, { tag: '2026.11.0', notes: 'x'.repeat(5001) }))).details?.fields
        ?.notes,
    ).toMatch(/5000/);
    expect(await listReleases(t.db)).toEqual([]);
  });

  it('pins revisions: after a newer approved revision the release CSV is byte-identical and matches its checksum; the live export moves on', async () => {
    const release = await cutRelease(t.db, admin, { tag: '2026.11.0', notes: '  First release.  ' });
    expect(release).toMatchObject({
      tag: '2026.11.0',
      notes: 'First release.',
      findingCount: 33,
      createdBy: 'Ada Admin',
    });
    expect(release.sourceCount).toBe(
      Number(
        (
          await t.query<{ n: number }>(
            `select count(distinct source_id)::int n from findings where approved_revision_id is not null`,
          )
        )[0]!.n,
      ),
    );
    expect(release.files.map((f) => f.format).sort()).toEqual(['csv', 'datapackage', 'evidence', 'json']);

    const a = (await getReleaseFile(t.db, '2026.11.0', 'csv'))!;
    expect(a.contentType).toBe('text/csv; charset=utf-8');
    expect(a.body[0]).not.toBe(0xef); // no BOM in release files
    expect(sha256(a.body)).toBe(release.checksum);
    expect(a.sha256).toBe(release.checksum);
    const before = csvRecords(a.body);
    expect(Object.keys(before[0]!)).toEqual(EXPORT_COLUMN_NAMES);
    expect(before).toHaveLength(33);

    const json = JSON.parse(
      (await getReleaseFile(t.db, '2026.11.0', 'json'))!.body.toString('utf8'),
    ) as ExportJsonRecord[];
    expect(json.map((r) => r.finding_id)).toEqual(before.map((r) => r.finding_id));

    const pkgFile = (await getReleaseFile(t.db, '2026.11.0', 'datapackage'))!;
    expect(sha256(pkgFile.body)).toBe(pkgFile.sha256);
    const pkg = JSON.parse(pkgFile.body.toString('utf8')) as DataPackage;
    expect(pkg).toMatchObject({ name: 'evx-crosstalk', version: '2026.11.0' });
    expect(pkg.licenses[0]).toMatchObject({ name: 'CC-BY-4.0' });
    expect(pkg.resources[0]).toMatchObject({
      name: 'findings',
      path: 'findings.csv',
      format: 'csv',
      encoding: 'utf-8',
      hash: `sha256:${release.checksum}`,
      bytes: a.body.length,
    });
    expect(pkg.resources[0]!.schema.fields.map((f) => f.name)).toEqual(EXPORT_COLUMN_NAMES);
    expect(pkg.resources[0]!.schema.primaryKey).toBe('finding_id');

    // A seeded finding gets a newer approved revision.
    const [f] = await t.query<{ id: number; public_id: string; approved_revision_id: number; lock_version: number }>(
      `select id, public_id, approved_revision_id, lock_version from findings where approved_revision_id is not null order by id limit 1`,
    );
    const old = (await getRevision(t.db, f!.approved_revision_id))!;
    const saved = await saveDraft(t.db, curator, {
      findingId: f!.id,
      lockVersion: f!.lock_version,
      content: { ...revisionToContent(old), result: 'A corrected result after release.' },
      changeSummary: 'Correct the result',
    });
    const sub = await submitFinding(t.db, curator, { findingId: f!.id, lockVersion: saved.lockVersion });
    await decide(t.db, reviewer, {
      findingId: f!.id,
      revisionNo: sub.revisionNo,
      lockVersion: sub.lockVersion,
      decision: 'approve',
      comment: '',
    });

    const again = (await getReleaseFile(t.db, '2026.11.0', 'csv'))!;
    expect(again.body.equals(a.body)).toBe(true);
    expect(sha256(again.body)).toBe((await getRelease(t.db, '2026.11.0'))!.checksum);
    expect(csvRecords(again.body).find((r) => r.finding_id === f!.public_id)!.result).toBe(old.result);
    // Rendering the pins again gives the same bytes: the release reads its pinned revisions, not the current ones.
    const rerendered = await collectBytes(encodeCsv(iterateExportRows(t.db, { releaseId: release.id })));
    expect(rerendered.equals(a.body)).toBe(true);

    const q = parseBrowseQuery({});
    if (!q.ok) throw new Error('query');
    const live = csvRecords(await collectBytes(encodeCsv(iterateExportRows(t.db, { query: q.query, viewer: null }))));
    const liveRow = live.find((r) => r.finding_id === f!.public_id)!;
    expect(liveRow).toMatchObject({
      result: 'A corrected result after release.',
      revision: String(sub.revisionNo),
      approved_by: 'Robin Reviewer',
    });

    // A later release carries the new revision; the list is newest first.
    const second = await cutRelease(t.db, admin, { tag: '2026.11.1' });
    expect(second.checksum).not.toBe(release.checksum);
    const b = (await getReleaseFile(t.db, '2026.11.1', 'csv'))!;
    expect(csvRecords(b.body).find((r) => r.finding_id === f!.public_id)!.result).toBe(
      'A corrected result after release.',
    );
    expect((await listReleases(t.db)).map((r) => r.tag)).toEqual(['2026.11.1', '2026.11.0']);

    const audit = await t.query<{ actor_id: number; entity_id: string; tag: string; checksum: string }>(
      `select actor_id, entity_id, detail->>'tag' as tag, detail->>'checksum' as checksum from audit_events where action = 'release.create' order by id`,
    );
    expect(audit).toEqual([
      { actor_id: admin.id, entity_id: String(release.id), tag: '2026.11.0', checksum: release.checksum },
      { actor_id: admin.id, entity_id: String(second.id), tag: '2026.11.1', checksum: second.checksum },
    ]);
  });

  it('datapackage.json credits every loaded vocabulary with its version and licence, and keeps them after a reload', async () => {
    const pkgOf = async (tag: string) =>
      JSON.parse((await getReleaseFile(t.db, tag, 'datapackage'))!.body.toString('utf8')) as DataPackage;
    const loaded = await t.query<{ vocab: string; version: string; term_count: number; obsolete_count: number }>(
      `select vocab, version, term_count, obsolete_count from vocab_releases`,
    );
    expect(loaded.map((l) => l.vocab).sort()).toEqual(VOCABULARIES.map((v) => v.id).sort());
    const before = (await getReleaseFile(t.db, '2026.11.0', 'datapackage'))!.body;
    const pkg = await pkgOf('2026.11.0');
    expect(pkg.vocabularies.map((v) => v.id)).toEqual(VOCABULARIES.map((v) => v.id));
    for (const v of pkg.vocabularies) {
      const row = loaded.find((l) => l.vocab === v.id)!;
      expect(v).toMatchObject({ version: row.version, terms: Number(row.term_count), obsoleteTerms: 0 });
      expect(pkg.sources.some((s) => s.title.includes(`${v.name}, ${v.version}`) && s.title.includes(v.licence))).toBe(
        true,
      );
    }
    expect(pkg.vocabularies.find((v) => v.id === 'UBERON')).toMatchObject({ version: 'v2026-04-01', terms: 510 });
    expect(pkg.licenses.map((l) => l.name)).toEqual(['CC-BY-4.0', 'CC-BY-3.0', 'CC-BY-4.0', 'CC-BY-4.0', 'CC0-1.0']);
    expect(pkg.licenses.find((l) => l.name === 'CC0-1.0')!.title).toContain(
      'Evidence & Conclusion Ontology, 2024-07-19',
    );

    // A newer UBERON file drops a term: the loader marks it obsolete; a later release records that, the old one not.
    const dir = vocabDirWithoutLigament();
    try {
      const report = await loadVocabularies(t.db, dir);
      expect(report.find((r) => r.vocab === 'UBERON')).toMatchObject({ status: 'loaded', terms: 509, obsoleted: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await cutRelease(t.db, admin, { tag: '2026.12.0' });
    const uberonOf = async (tag: string) => (await pkgOf(tag)).vocabularies.find((v) => v.id === 'UBERON')!;
    expect(await uberonOf('2026.12.0')).toMatchObject({ terms: 509, obsoleteTerms: 1 });
    expect(Date.parse((await uberonOf('2026.12.0')).loadedAt!)).toBeGreaterThan(
      Date.parse((await uberonOf('2026.11.0')).loadedAt!),
    );
    expect(await uberonOf('2026.11.0')).toMatchObject({ terms: 510, obsoleteTerms: 0 });
    expect((await getReleaseFile(t.db, '2026.11.0', 'datapackage'))!.body.equals(before)).toBe(true);
  });

  it('a duplicate tag is a conflict and changes nothing', async () => {
    const counts = async () =>
      (
        await t.query<{ n: number }>(
          `select (select count(*) from releases) + (select count(*) from release_findings) + (select count(*) from release_files) as n`,
        )
      )[0]!.n;
    const n = Number(await counts());
    const e = await domainFailure(cutRelease(t.db, admin, { tag: '2026.11.0' }));
    expect(e.code).toBe('conflict:release');
    expect(e.field).toBe('tag');
    expect(Number(await counts())).toBe(n);
    expect(await getRelease(t.db, '2099.1.0')).toBeNull();
    expect(await getReleaseFile(t.db, '2099.1.0', 'csv')).toBeNull();
  });
});
