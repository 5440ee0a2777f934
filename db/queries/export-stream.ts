/**
 * The export as bytes (exportStream), read from the stored export records
 * (db/schema/export-records.ts): the database keeps each approved finding's finished CSV line and
 * JSON object, so an export does no per-row work beyond reading them. The records are held
 * byte-equal to the TypeScript encoder (lib/export/record.ts + encode.ts) by the export tests.
 */
import type { ExportFormat } from '../../lib/export/encode';
import { copyBinaryFields, frameStoredRecords } from '../../lib/export/stored-framing';
import type { DbHandle } from '../client';
import type { ExportSelection } from './export';
import { iterateStoredRecords, storedRecordsCopySql } from './export-records';

/**
 * The export as bytes, streamed.
 *
 * On the PostgreSQL server: one `COPY (select line …) TO STDOUT (FORMAT binary)` of the stored
 * column, streamed through with backpressure, Node only taking the lines out of COPY's framing and
 * putting the export's around them (lib/export/stored-framing.ts) — memory stays flat. On PGlite,
 * and in a transaction, the same records by keyset batches. Both give the same bytes.
 *
 * Nothing is sent before the database has answered, so a failing query still becomes an
 * error response.
 */
export function exportStream(
  handle: Pick<DbHandle, 'db' | 'copyOut'>,
  selection: ExportSelection,
  format: ExportFormat,
  opts: { bom?: boolean } = {},
): AsyncIterable<Uint8Array> {
  const column = format === 'csv' ? 'csv' : 'json';
  const batches = handle.copyOut
    ? copyBinaryFields(handle.copyOut(storedRecordsCopySql(selection, column)))
    : iterateStoredRecords(handle.db, selection, column);
  return frameStoredRecords(format, batches, opts);
}
