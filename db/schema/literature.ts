import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { sources } from './sources';
import { users } from './users';

/**
 * From new literature to findings (issue 13): where candidate papers come from (a file, a saved search's run,
 * a suggestion), the candidates themselves with their de-duplication, screening decisions, and the path of an
 * included paper to a source and its curator.
 */
export const intakeBatches = pgTable('intake_batches', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  /** ris | bibtex | nbib | csl_json | ids */
  format: text().notNull(),
  filename: text().notNull(),
  bytes: integer().notNull(),
  /** Row-by-row report (lib/intake IntakeRowReport[]) and totals. */
  report: jsonb()
    .notNull()
    .default(sql`'[]'::jsonb`),
  counts: jsonb()
    .$type<Record<string, number>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  createdBy: integer()
    .notNull()
    .references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const savedSearches = pgTable(
  'saved_searches',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    query: text().notNull(),
    /** Publication date window (FIRST_PDATE), inclusive; null = open. */
    fromDate: text(),
    toDate: text(),
    schedule: text().notNull().default('manual'),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastRunAt: timestamp({ withTimezone: true }),
  },
  (t) => [check('saved_searches_schedule_check', sql`${t.schedule} in ('manual', 'daily', 'weekly')`)],
);

export const searchRuns = pgTable(
  'search_runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    searchId: integer()
      .notNull()
      .references(() => savedSearches.id),
    trigger: text().notNull(),
    status: text().notNull(),
    found: integer().notNull().default(0),
    added: integer().notNull().default(0),
    message: text().notNull().default(''),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('search_runs_search_idx').on(t.searchId, t.id.desc()),
    check('search_runs_status_check', sql`${t.status} in ('running', 'ok', 'failed')`),
  ],
);

export const CANDIDATE_ORIGINS = ['file', 'search', 'suggestion'] as const;
export const CURATION_STATUSES = ['to_curate', 'in_progress', 'findings_submitted', 'done', 'no_findings'] as const;
export type CurationStatus = (typeof CURATION_STATUSES)[number];

/**
 * One incoming record. A duplicate keeps its row (PRISMA counts it as identified, then removed) and points at
 * the record it duplicates, or at an existing source; a merge is undone by clearing that pointer and setting
 * `keptApart`. `outcome` caches the screening state (lib/screening/state.ts) for the queue's index.
 */
export const candidates = pgTable(
  'candidates',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    origin: text().notNull(),
    batchId: integer().references(() => intakeBatches.id),
    searchRunId: integer().references(() => searchRuns.id),
    suggestedBy: integer().references(() => users.id),
    reason: text().notNull().default(''),
    title: text().notNull(),
    abstract: text().notNull().default(''),
    keywords: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    authors: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    firstAuthor: text().notNull().default(''),
    year: integer(),
    journal: text().notNull().default(''),
    doi: text(),
    pmid: text(),
    pmcid: text(),
    titleKey: text().notNull(),
    isPreprint: boolean().notNull().default(false),
    raw: jsonb()
      .notNull()
      .default(sql`'{}'::jsonb`),
    duplicateOfId: integer().references((): AnyPgColumn => candidates.id),
    duplicateSourceId: integer().references(() => sources.id),
    duplicateBy: text(),
    keptApart: boolean().notNull().default(false),
    outcome: text().notNull().default('unscreened'),
    sourceId: integer().references(() => sources.id),
    assignedTo: integer().references(() => users.id),
    curationStatus: text().$type<CurationStatus>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('candidates_doi_idx').on(t.doi),
    index('candidates_pmid_idx').on(t.pmid),
    index('candidates_pmcid_idx').on(t.pmcid),
    index('candidates_title_key_idx').on(t.titleKey),
    index('candidates_queue_idx')
      .on(t.outcome, t.id)
      .where(sql`${t.duplicateOfId} is null and ${t.duplicateSourceId} is null`),
    index('candidates_assigned_idx').on(t.assignedTo, t.curationStatus),
    check('candidates_origin_check', sql`${t.origin} in ('file', 'search', 'suggestion')`),
    check(
      'candidates_outcome_check',
      sql`${t.outcome} in ('unscreened', 'awaiting_second', 'included', 'excluded', 'maybe', 'conflict')`,
    ),
    check(
      'candidates_curation_status_check',
      sql`${t.curationStatus} is null or ${t.curationStatus} in ('to_curate', 'in_progress', 'findings_submitted', 'done', 'no_findings')`,
    ),
  ],
);

export const exclusionReasons = pgTable('exclusion_reasons', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  label: text().notNull().unique(),
  active: boolean().notNull().default(true),
  sortOrder: integer().notNull().default(0),
});

export const screeningDecisions = pgTable(
  'screening_decisions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    candidateId: integer()
      .notNull()
      .references(() => candidates.id),
    screenerId: integer()
      .notNull()
      .references(() => users.id),
    /** `screen` by the first (and, in dual mode, second) screener; `resolve` settles a conflict. */
    stage: text().notNull(),
    decision: text().notNull(),
    reasonId: integer().references(() => exclusionReasons.id),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('screening_decisions_once_key').on(t.candidateId, t.screenerId, t.stage),
    index('screening_decisions_screener_idx').on(t.screenerId, t.candidateId),
    check('screening_decisions_stage_check', sql`${t.stage} in ('screen', 'resolve')`),
    check('screening_decisions_decision_check', sql`${t.decision} in ('include', 'exclude', 'maybe')`),
    check(
      'screening_decisions_reason_check',
      sql`${t.decision} <> 'exclude' or ${t.reasonId} is not null or ${t.stage} = 'resolve'`,
    ),
  ],
);

/** Crossref update relations of a source: retractions, corrections, expressions of concern (issue 13, item 5). */
export const sourceUpdates = pgTable(
  'source_updates',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer()
      .notNull()
      .references(() => sources.id),
    type: text().notNull(),
    noticeDoi: text().notNull(),
    label: text().notNull().default(''),
    date: text(),
    foundAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('source_updates_notice_key').on(t.sourceId, t.type, t.noticeDoi)],
);

/** A reviewer keeps a finding of a retracted source in new releases, with a reason. */
export const releaseOverrides = pgTable('release_overrides', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  findingId: integer().notNull(),
  reviewerId: integer()
    .notNull()
    .references(() => users.id),
  comment: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Scheduled work (`npm run jobs`): one row per run of one job, visible to admins. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    job: text().notNull(),
    status: text().notNull(),
    summary: jsonb()
      .notNull()
      .default(sql`'{}'::jsonb`),
    message: text().notNull().default(''),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('job_runs_job_idx').on(t.job, t.id.desc()),
    check('job_runs_status_check', sql`${t.status} in ('running', 'ok', 'failed')`),
  ],
);

export type Candidate = typeof candidates.$inferSelect;
export type NewCandidate = typeof candidates.$inferInsert;
