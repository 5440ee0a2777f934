import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { reviewDecisionEnum } from './enums';
import { findingRevisions, findings } from './findings';
import { users } from './users';

/** A reviewer's decision on one submitted revision. Append-only (trigger in drizzle/0002). */
export const reviews = pgTable(
  'reviews',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    revisionId: integer()
      .notNull()
      .references(() => findingRevisions.id),
    reviewerId: integer()
      .notNull()
      .references(() => users.id),
    decision: reviewDecisionEnum().notNull(),
    comment: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reviews_revision_reviewer_key').on(t.revisionId, t.reviewerId),
    index('reviews_reviewer_idx').on(t.reviewerId, t.createdAt.desc().nullsFirst()),
  ],
);

/** Discussion on a finding, threaded one level deep (parent must be a top-level comment). */
export const comments = pgTable(
  'comments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    findingId: integer()
      .notNull()
      .references(() => findings.id),
    revisionId: integer().references(() => findingRevisions.id),
    parentId: integer(),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('comments_finding_idx').on(t.findingId, t.createdAt), index('comments_parent_idx').on(t.parentId)],
);

/**
 * A problem anyone signed in raises on an approved finding ("wrong DOI", "typo", …);
 * a reviewer resolves it with a comment. Open flags count on the finding and in the queue.
 */
export const flags = pgTable(
  'flags',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    findingId: integer()
      .notNull()
      .references(() => findings.id),
    raisedBy: integer()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: integer().references(() => users.id),
    resolution: text(),
  },
  (t) => [
    index('flags_open_idx')
      .on(t.findingId)
      .where(sql`${t.resolvedAt} is null`),
    index('flags_finding_idx').on(t.findingId, t.createdAt),
  ],
);

export type Review = typeof reviews.$inferSelect;
export type Flag = typeof flags.$inferSelect;
export type Comment = typeof comments.$inferSelect;
