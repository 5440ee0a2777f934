/** What the export tests share: a seeded database with its curator and reviewer, and the two ways to export. */
import { parseBrowseQuery } from '../../lib/browse/filters';
import { collectBytes, encodeExport, type ExportFormat } from '../../lib/export/encode';
import type { Engine } from '../client';
import { seedDatabase } from '../seed-lib';
import { openTestDb, type TestDb } from '../test-utils';
import type { Actor } from './curation';
import { type ExportSelection, iterateExportRows } from './export';
import { exportStream } from './export-stream';

export const BONE = 'UBERON:0001474';
export const MOUSE = 'NCBITaxon:10090';

export const query = (params: Record<string, string>) => {
  const r = parseBrowseQuery(params);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.query;
};

/** A fresh database with the seed and its demo curator and reviewer. */
export async function openSeededDb(engine: Engine): Promise<{ t: TestDb; curator: Actor; reviewer: Actor }> {
  const t = await openTestDb(engine);
  await seedDatabase(t.db, { demoPassword: 'test-password-123' });
  const id = async (email: string) =>
    (await t.query<{ id: number }>(`select id from users where email = $1`, [email]))[0]!.id;
  return {
    t,
    curator: { id: await id('curator@example.org'), role: 'curator' },
    reviewer: { id: await id('reviewer@example.org'), role: 'reviewer' },
  };
}

/** The export as the app sends it (written by COPY on the server, by the TypeScript encoder on PGlite). */
export async function exported(
  t: TestDb,
  selection: ExportSelection,
  format: ExportFormat,
  opts: { bom?: boolean } = {},
) {
  return (await collectBytes(exportStream(t, selection, format, opts))).toString('utf8');
}

/** The same export through the TypeScript reference encoder (lib/export/encode.ts over iterateExportRows). */
export async function reference(
  t: TestDb,
  selection: ExportSelection,
  format: ExportFormat,
  opts: { bom?: boolean } = {},
) {
  return (await collectBytes(encodeExport(format, iterateExportRows(t.db, selection), opts))).toString('utf8');
}
