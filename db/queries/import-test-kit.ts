/** What the import tests share: CSV lines in the review's Table 1 layout, the exported records, and databases. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { type ExportRecord, TABLE1_COLUMNS } from '../../lib/export/columns';
import { collectBytes, encodeCsv } from '../../lib/export/encode';
import { toExportRecord } from '../../lib/export/record';
import { parseImportFile } from '../../lib/import/parse';
import type { ImportRow } from '../../lib/import/types';
import type { Engine } from '../client';
import { REFERENCES_FILE, SEED_DATA_DIR, seedDatabase, TABLE1_FILE } from '../seed-lib';
import { countOf, openSeededDb, openTestDb, type TestDb } from '../test-utils';
import { iterateExportRows } from './export';

export const DOI = '10.3389/fendo.2021.697204';
export const sorted = (xs: readonly string[]) => [...xs].sort();
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
export type Line = Partial<Record<(typeof header)[number], string>>;

/** One CSV line of the Table 1 layout; `i` keeps lines apart (cargo, recipient cell, result). */
export const makeLine = (i: number, over: Line = {}): Line => ({
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

export function makeImportRows(lines: Line[]): ImportRow[] {
  const csv = stringify([header, ...lines.map((l) => header.map((h) => l[h] ?? ''))]);
  const r = parseImportFile(new TextEncoder().encode(csv));
  if (!r.ok) throw new Error(r.message);
  return r.parsed.rows;
}

/** The approved findings as export records, and the same rows as the exported CSV. */
export async function exportRecords(t: TestDb): Promise<{ csv: string; records: ExportRecord[] }> {
  const records: ExportRecord[] = [];
  for await (const r of iterateExportRows(t.db, { conditions: [] })) records.push(toExportRecord(r));
  const csv = (await collectBytes(encodeCsv(iterateExportRows(t.db, { conditions: [] })))).toString('utf8');
  return { csv, records };
}

/** A fresh database holding the review's sources only: the seed run on its references and an empty Table 1. */
export async function openSourcesOnlyDb(engine: Engine): Promise<TestDb> {
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

/** A seeded database, its demo curator, and the row counts an import changes. */
export async function openImportKit(engine: Engine) {
  const { t, curator } = await openSeededDb(engine);
  const counts = async () => ({
    findings: await countOf(t, 'select count(*)::int n from findings'),
    revisions: await countOf(t, 'select count(*)::int n from finding_revisions'),
    audit: await countOf(t, 'select count(*)::int n from audit_events'),
  });
  return { t, curator, counts };
}

export type ImportKit = Awaited<ReturnType<typeof openImportKit>>;
