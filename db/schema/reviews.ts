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

export type Review = typeof reviews.$inferSelect;
export type Comment = typeof comments.$inferSelect;
