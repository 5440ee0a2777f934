/**
 * The stored export records (db/schema/export-records.ts): the finished CSV line and JSON object
 * of every approved finding, written by the database itself (drizzle/0013_export_records.sql).
 * An export reads them in finding id order under the browse filters: one COPY of one column on
 * the server, keyset batches on PGlite.
 */
import { and, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { frameStoredRecords } from '../../lib/export/stored-framing';
import type { DbOrTx } from '../client';
import { exportRecords, findings } from '../schema';
import { EXPORT_BATCH_SIZE, type ExportSelection, exportConditions } from './export';

export type StoredColumn = 'csv' | 'json';

/** The triggers that keep the records current (a bulk load turns them off and fills the records set-based). */
export const EXPORT_RECORD_TRIGGERS = [
  ['findings', 'findings_export_record_insert'],
  ['findings', 'findings_export_record_update'],
  ['reviews', 'reviews_export_record'],
  ['sources', 'sources_export_record'],
  ['users', 'users_export_record'],
] as const;

/** (Re)write the records of the approved findings with ids in [lo, hi], set-based. */
export const refreshExportRecordsSql = (lo: number, hi: number) =>
  `select export_records_refresh(array(select id from findings where id between ${Math.trunc(lo)} and ${Math.trunc(hi)} and approved_revision_id is not null))`;

/** Which stored records a selection takes: conditions over `findings` and `export_records`. */
function storedWhere(s: ExportSelection): SQL[] {
  if ('releaseId' in s)
    return [
      sql`(${exportRecords.findingId}, ${exportRecords.revisionId}) in (select finding_id, revision_id from release_findings where release_id = ${s.releaseId})`,
    ];
  if ('revisionIds' in s) return [s.revisionIds.length ? inArray(exportRecords.revisionId, s.revisionIds) : sql`false`];
  // The live export: the approved revision's record (the join below keeps only approved findings).
  return 'query' in s ? exportConditions(s.query, s.viewer) : s.conditions;
}

function storedSelect(selection: ExportSelection, column: StoredColumn, after?: SQL, limit?: number): SQL {
  const where = and(...storedWhere(selection), after);
  return sql`select ${findings.id} as id, ${column === 'csv' ? exportRecords.csvLine : exportRecords.jsonText} as line
    from ${findings} join ${exportRecords} on ${exportRecords.findingId} = ${findings.id}
    ${where ? sql`where ${where}` : sql``}
    order by ${findings.id}${limit ? sql` limit ${limit}` : sql``}`;
}

const pgDialect = new PgDialect({ casing: 'snake_case' });

/**
 * The COPY statement of an export: the stored column alone, in binary format, so that the lines
 * (CRLF and all) come out as they are stored (lib/export/stored-framing.ts copyBinaryFields). COPY
 * takes no bind parameters, so the filter values are inlined as SQL literals by drizzle (strings
 * quoted with '' doubled; the export's connection sets standard_conforming_strings, where a
 * backslash is an ordinary character).
 */
export function storedRecordsCopySql(selection: ExportSelection, column: StoredColumn): string {
  const query = sql`copy (select line from (${storedSelect(selection, column)}) x) to stdout with (format binary)`;
  return pgDialect.sqlToQuery(query.inlineParams()).sql;
}

/**
 * The stored records of a selection, in finding id order, `batchSize` per query by keyset
 * (`findings.id > last`): memory holds one batch, no connection is held between batches.
 */
export async function* iterateStoredRecords(
  db: DbOrTx,
  selection: ExportSelection,
  column: StoredColumn,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<string[]> {
  const size = Math.max(1, Math.trunc(batchSize));
  let last = 0;
  for (;;) {
    const rows = await db.execute<{ id: number; line: string }>(
      storedSelect(selection, column, gt(findings.id, last), size),
    );
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { id: number; line: string }[] }).rows;
    if (list.length) yield list.map((r) => r.line);
    if (list.length < size) return;
    last = Number(list.at(-1)!.id);
  }
}

/**
 * A release's findings.csv or findings.json from the stored records of the revisions it pinned
 * (cutRelease, in its transaction, where those are the approved revisions). `expected` is the
 * number pinned: a record missing or of another revision is an error, never a shorter file.
 */
export async function storedReleaseFile(
  db: DbOrTx,
  releaseId: number,
  format: 'csv' | 'json',
  expected: number,
): Promise<Buffer> {
  let n = 0;
  async function* counted() {
    for await (const batch of iterateStoredRecords(db, { releaseId }, format)) {
      n += batch.length;
      yield batch;
    }
  }
  const parts: Buffer[] = [];
  for await (const c of frameStoredRecords(format, counted(), { bom: false })) parts.push(c);
  if (n !== expected) throw new Error(`release ${releaseId}: ${n} stored ${format} records for ${expected} findings`);
  return Buffer.concat(parts);
}
