/**
 * Backup and restore as docs/deploying.md describes them: `pg_dump -Fc` of a live database, `pg_restore` into a
 * new one, and the restored database exports the same bytes (CSV and JSON, by the app's export path: COPY of the
 * stored records) and serves the same release files. Server engine only (PGlite has no pg_dump).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectBytes, type ExportFormat } from '../lib/export/encode';
import { RELEASE_FILES } from '../lib/export/release';
import { testDatabaseUrl } from '../server/env';
import { createDb, type DbHandle } from './client';
import { createFinding } from './queries/curation';
import type { ExportSelection } from './queries/export';
import { exportStream } from './queries/export-stream';
import { cutRelease, getReleaseFile, listReleases } from './queries/releases';
import {
  approveFinding,
  BONE,
  type DemoActors,
  makeBrowseQuery,
  makeContent,
  openSeededDb,
  type TestDb,
  testEngines,
} from './test-utils';

const run = promisify(execFile);
const PG_DUMP = '/usr/bin/pg_dump';
const PG_RESTORE = '/usr/bin/pg_restore';
const TAG = '2026.12.0';
const all: ExportSelection = { query: makeBrowseQuery({}), viewer: null };

async function exportBytes(h: DbHandle, selection: ExportSelection, format: ExportFormat): Promise<Buffer> {
  return collectBytes(exportStream(h, selection, format));
}

/** What a restore must give back: both exports of everything approved, the release's files, the release list. */
async function snapshot(h: DbHandle) {
  const [release] = await listReleases(h.db);
  const files: Record<string, Buffer> = {};
  for (const { format } of Object.values(RELEASE_FILES))
    files[format] = (await getReleaseFile(h.db, TAG, format))?.body ?? Buffer.alloc(0);
  return {
    csv: await exportBytes(h, all, 'csv'),
    json: await exportBytes(h, all, 'json'),
    releaseCsv: await exportBytes(h, { releaseId: release!.id }, 'csv'),
    files,
    releases: await listReleases(h.db),
  };
}

/** Three more approved findings (one with text a CSV or JSON writer could trip on) and one draft. */
async function givenFindings(t: TestDb, { curator, reviewer }: DemoActors): Promise<string[]> {
  const [{ id: sourceId }] = (await t.query<{ id: number }>('select id from sources order by id limit 1')) as [
    { id: number },
  ];
  const texts = ['Plain result.', 'Quotes "inside", a comma, and a\nnew line; =SUM(A1)', 'Ünïcödé 😀 \\ back\tslash'];
  const ids: string[] = [];
  for (const [i, result] of texts.entries()) {
    const f = await approveFinding(
      t,
      { curator, reviewer },
      {
        sourceId,
        content: {
          result,
          targetOrgan: BONE,
          recipientCell: `Backup test cells ${i}`,
          cargo: [{ name: `MIR-${140 + i}`, type: 'miRNA' }],
        },
      },
    );
    ids.push(f.publicId);
  }
  await createFinding(t.db, curator, {
    sourceId,
    content: makeContent({ result: 'Never submitted.', recipientCell: 'Backup test draft cells' }),
  });
  return ids;
}

describe.runIf(testEngines().includes('postgres'))('pg_dump / pg_restore round trip on the server', () => {
  let t: TestDb;
  let actors: DemoActors;
  let restored: DbHandle | null = null;
  let admin: DbHandle | null = null;
  const restoredName = `evx_restore_${process.pid}_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'evx-backup-'));

  beforeAll(async () => {
    for (const bin of [PG_DUMP, PG_RESTORE])
      if (!existsSync(bin))
        throw new Error(
          `${bin} is missing: the backup/restore test needs the PostgreSQL 15 client (postgresql-client-15)`,
        );
    const seeded = await openSeededDb('postgres');
    t = seeded.t;
    actors = seeded;
  });

  afterAll(async () => {
    await restored?.close();
    if (admin) {
      await admin.query(`drop database if exists ${restoredName} with (force)`);
      await admin.close();
    }
    await t?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the restored database exports the same bytes and serves the same release files', async () => {
    const added = await givenFindings(t, actors);
    await cutRelease(
      t.db,
      actors.admin,
      { tag: TAG, notes: 'Before the backup.' },
      { origin: 'https://evx.example.org' },
    );
    const before = await snapshot(t);
    // Not a vacuous comparison: the new findings are in both exports and in the release, the draft is not.
    for (const id of added) {
      expect(before.csv.toString('utf8')).toContain(id);
      expect(before.json.toString('utf8')).toContain(id);
      expect(before.files.csv!.toString('utf8')).toContain(id);
    }
    expect(before.csv.toString('utf8')).not.toContain('Never submitted.');
    expect(Object.values(before.files).every((b) => b.length > 0)).toBe(true);

    const [{ name }] = (await t.query<{ name: string }>('select current_database() as name')) as [{ name: string }];
    const sourceUrl = new URL(testUrl());
    sourceUrl.pathname = `/${name}`;
    const dump = path.join(dir, 'evx.dump');
    await run(PG_DUMP, ['-Fc', '--no-owner', `--dbname=${sourceUrl.toString()}`, '-f', dump]);
    admin = await createDb({ url: testUrl(), max: 1 });
    await admin.query(`create database ${restoredName} template template0`);
    const target = new URL(testUrl());
    target.pathname = `/${restoredName}`;
    await run(PG_RESTORE, ['--exit-on-error', '--no-owner', `--dbname=${target.toString()}`, dump]);

    restored = await createDb({ url: target.toString(), max: 2 });
    const after = await snapshot(restored);
    expect(after.csv.equals(before.csv)).toBe(true);
    expect(after.json.equals(before.json)).toBe(true);
    expect(after.releaseCsv.equals(before.releaseCsv)).toBe(true);
    for (const [format, body] of Object.entries(before.files))
      expect(after.files[format]!.equals(body), format).toBe(true);
    expect(after.releases).toEqual(before.releases);

    // The sequences came back too: a finding made on the restored database takes a new id and public id.
    const [{ id: sourceId }] = (await restored.query<{ id: number }>('select id from sources order by id limit 1')) as [
      { id: number },
    ];
    const made = await createFinding(restored.db, actors.curator, {
      sourceId,
      content: makeContent({ result: 'After restore.', recipientCell: 'Restored cells' }),
    });
    expect(added).not.toContain(made.publicId);
    const [{ n }] = (await restored.query<{ n: number }>(
      'select count(*)::int as n from findings where public_id = $1',
      [made.publicId],
    )) as [{ n: number }];
    expect(n).toBe(1);
  }, 180_000);
});

const testUrl = () => testDatabaseUrl()!;
