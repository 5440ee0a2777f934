/**
 * The fill's stored export records (db/schema/export-records.ts). The triggers that write them at
 * approval are off while the rows load (row by row they would rewrite each record several times);
 * afterwards the records are written set-based, chunk by chunk, by the same database function the
 * triggers and the migration's backfill call (export_records_refresh).
 */
import type { DbHandle } from '../../db/client';
import { EXPORT_RECORD_TRIGGERS, refreshExportRecordsSql } from '../../db/queries/export-records';

export async function setRecordTriggers(h: DbHandle, on: boolean): Promise<void> {
  for (const [table, trigger] of EXPORT_RECORD_TRIGGERS)
    await h.query(`alter table ${table} ${on ? 'enable' : 'disable'} trigger ${trigger}`);
}

/** Write the records of findings 1..n, `size` ids per statement, on `workers` connections. */
export async function fillExportRecords(h: DbHandle, n: number, size: number, workers: number): Promise<void> {
  const parts: [number, number][] = [];
  for (let lo = 1; lo <= n; lo += size) parts.push([lo, Math.min(n, lo + size - 1)]);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, workers) }, async () => {
      while (next < parts.length) {
        const [lo, hi] = parts[next++]!;
        await h.query(refreshExportRecordsSql(lo, hi));
      }
    }),
  );
  const [c] = await h.query<{ approved: number; records: number }>(
    `select (select count(*)::int from findings where approved_revision_id is not null) as approved,
            (select count(*)::int from export_records) as records`,
  );
  if (Number(c!.records) !== Number(c!.approved))
    throw new Error(`fill: ${c!.records} export records for ${c!.approved} approved findings`);
}
