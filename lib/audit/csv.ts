import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { neutralizeCell } from '../export/columns';
import type { AuditEventRow } from './types';

/** The export's columns, in order; documented and stable. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actor_email',
  'actor_name',
  'action',
  'entity',
  'entity_id',
  'detail',
] as const;
export type AuditCsvRecord = Record<(typeof AUDIT_CSV_COLUMNS)[number], string>;

// The same guard as the findings export: a leading ' keeps = + - @ tab CR cells from running as formulas.
export { neutralizeCell };

export function toAuditCsvRecord(e: AuditEventRow): AuditCsvRecord {
  const record: AuditCsvRecord = {
    id: String(e.id),
    at: e.at.toISOString(),
    actor_email: e.actorEmail ?? '',
    actor_name: e.actorName ?? (e.actorId == null ? 'system' : ''),
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId ?? '',
    detail: JSON.stringify(e.detail ?? {}),
  };
  for (const k of AUDIT_CSV_COLUMNS) record[k] = neutralizeCell(record[k]);
  return record;
}

async function* records(events: AsyncIterable<AuditEventRow>): AsyncGenerator<AuditCsvRecord> {
  for await (const e of events) yield toAuditCsvRecord(e);
}

/**
 * RFC 4180 CSV (UTF-8, CRLF, header line) of the events, as a web stream that
 * pulls the next rows only when the client reads on: memory stays at one batch.
 */
export function auditCsvStream(events: AsyncIterable<AuditEventRow>): ReadableStream<Uint8Array> {
  // With an explicit delimiter csv-stringify only quotes the whole CRLF; quote lone CR/LF too (RFC 4180).
  const csv = stringify({
    header: true,
    columns: [...AUDIT_CSV_COLUMNS],
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
  // pipeline destroys both ends on an error, so a failed query ends the download instead of hanging it.
  pipeline(Readable.from(records(events)), csv, () => {});
  const chunks = csv[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : new Uint8Array(value));
    },
    async cancel() {
      csv.destroy();
      await chunks.return?.();
    },
  });
}
