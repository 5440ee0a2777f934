import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, real, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { SnapshotOrigin, TextSection } from '../../lib/sourcetext/types';
import { findingRevisions } from './findings';
import { sources } from './sources';
import { users } from './users';

/**
 * The text of a source as the app received it, once (issue 12): immutable (drizzle/0011 refuses update and
 * delete). A newer text of the same source (the published version after a preprint, a correction) is a new
 * row; quotes are re-anchored into it (evidence_anchorings) and nothing is deleted.
 */
export const sourceSnapshots = pgTable(
  'source_texts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer()
      .notNull()
      .references(() => sources.id),
    origin: text().$type<SnapshotOrigin>().notNull(),
    /** Open-access text (Crossref abstract, Europe PMC) may be shown to anyone who can see the source. */
    openAccess: boolean().notNull(),
    retrievedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** SHA-256 of the UTF-8 bytes of `text`: what an anchored quote names. */
    sha256: text().notNull(),
    text: text().notNull(),
    sections: jsonb().$type<TextSection[]>().notNull(),
    /** Where exactly: PMCID and URL, an uploaded file's name and size. */
    detail: jsonb()
      .$type<Record<string, string | number>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdBy: integer().references(() => users.id),
  },
  (t) => [
    unique('source_texts_source_sha_key').on(t.sourceId, t.sha256),
    index('source_texts_source_idx').on(t.sourceId, t.id.desc()),
    check(
      'source_texts_origin_check',
      sql`${t.origin} in ('crossref_abstract', 'europepmc', 'paste', 'jats_upload', 'pdf_upload')`,
    ),
    check('source_texts_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

export const ANCHORING_STATUSES = ['moved', 'proposed', 'ambiguous', 'orphan'] as const;
export type AnchoringStatus = (typeof ANCHORING_STATUSES)[number];

/**
 * Where a revision's anchored quote sits in a newer snapshot of its source. `moved` = exact and unique (the
 * quote follows silently); `proposed` = approximate, for a curator to accept or reject; `ambiguous` and
 * `orphan` are listed for curators. A decision is recorded here and in the audit log; rows are never deleted.
 */
export const evidenceAnchorings = pgTable(
  'evidence_anchorings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    revisionId: integer()
      .notNull()
      .references(() => findingRevisions.id),
    snapshotId: integer()
      .notNull()
      .references(() => sourceSnapshots.id),
    status: text().$type<AnchoringStatus>().notNull(),
    start: integer(),
    end: integer(),
    /** Similarity of an approximate match (1 = exact). */
    score: real(),
    decision: text().$type<'accepted' | 'rejected'>(),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('evidence_anchorings_revision_snapshot_key').on(t.revisionId, t.snapshotId),
    index('evidence_anchorings_open_idx')
      .on(t.status, t.id)
      .where(sql`${t.decision} is null`),
    check('evidence_anchorings_status_check', sql`${t.status} in ('moved', 'proposed', 'ambiguous', 'orphan')`),
    check(
      'evidence_anchorings_decision_check',
      sql`${t.decision} is null or ${t.decision} in ('accepted', 'rejected')`,
    ),
    check(
      'evidence_anchorings_span_check',
      sql`(${t.start} is null and ${t.end} is null) or (${t.start} is not null and ${t.end} is not null and ${t.start} >= 0 and ${t.end} > ${t.start})`,
    ),
  ],
);

export type SourceSnapshot = typeof sourceSnapshots.$inferSelect;
export type EvidenceAnchoring = typeof evidenceAnchorings.$inferSelect;
