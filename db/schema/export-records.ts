import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { findingRevisions, findings } from './findings';
import { users } from './users';

/**
 * The export record of each approved finding, finished: its CSV line (CRLF included) and its
 * JSON object text, byte for byte what lib/export/record.ts + encode.ts write for its approved
 * revision. An export is then one read of this column (db/queries/export-stream.ts).
 *
 * Written only by the database (drizzle/0013_export_records.sql): export_records_refresh(ids)
 * runs from triggers at approval and whenever an input of a record changes — the finding's
 * approved revision or source, an approving review, the source's citation fields, the approving
 * reviewer's name. A revision is frozen once submitted, so the labels it shows never change.
 */
export const exportRecords = pgTable(
  'export_records',
  {
    findingId: integer()
      .primaryKey()
      .references(() => findings.id, { onDelete: 'cascade' }),
    revisionId: integer()
      .notNull()
      .references(() => findingRevisions.id),
    /** The reviewer named in approved_by: a rename rewrites their records. */
    approvedById: integer().references(() => users.id),
    csvLine: text().notNull(),
    jsonText: text().notNull(),
  },
  (t) => [index('export_records_approved_by_idx').on(t.approvedById)],
);

export type ExportRecordRow = typeof exportRecords.$inferSelect;
