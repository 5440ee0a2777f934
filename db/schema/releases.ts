import { customType, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { findingRevisions, findings } from './findings';
import { users } from './users';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A frozen, citable version of the approved dataset. */
export const releases = pgTable(
  'releases',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    tag: text().notNull(),
    notes: text().notNull().default(''),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    findingCount: integer().notNull(),
    sourceCount: integer().notNull(),
    /** SHA-256 (hex) of the release's CSV file. */
    checksum: text().notNull(),
  },
  (t) => [uniqueIndex('releases_tag_key').on(t.tag)],
);

/** Membership pins the exact revision each finding had when the release was cut. */
export const releaseFindings = pgTable(
  'release_findings',
  {
    releaseId: integer()
      .notNull()
      .references(() => releases.id),
    findingId: integer()
      .notNull()
      .references(() => findings.id),
    revisionId: integer()
      .notNull()
      .references(() => findingRevisions.id),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.findingId] }), index('release_findings_revision_idx').on(t.revisionId)],
);

/** The rendered files, stored so every download is byte-identical forever. */
export const releaseFiles = pgTable(
  'release_files',
  {
    releaseId: integer()
      .notNull()
      .references(() => releases.id),
    format: text().notNull(),
    contentType: text().notNull(),
    body: bytea().notNull(),
    sha256: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.format] })],
);

export type Release = typeof releases.$inferSelect;
