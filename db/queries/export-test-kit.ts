/** What the export tests share: the two ways to export a selection (the database comes from openSeededDb). */
import { collectBytes, encodeExport, type ExportFormat } from '../../lib/export/encode';
import type { TestDb } from '../test-utils';
import { type ExportSelection, iterateExportRows } from './export';
import { exportStream } from './export-stream';

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
