import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { metadataOriginEnum } from './enums';
import { users } from './users';

export const sources = pgTable(
  'sources',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Normalized: lower-case, no resolver or `doi:` prefix (lib/doi). */
    doi: text().notNull(),
    pmid: text(),
    title: text(),
    authors: text(),
    journal: text(),
    year: integer(),
    volumePages: text(),
    metadataOrigin: metadataOriginEnum().notNull(),
    retracted: boolean().notNull().default(false),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sources_doi_key').on(t.doi), index('sources_pmid_idx').on(t.pmid)],
);

export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
