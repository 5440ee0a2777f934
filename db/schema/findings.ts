import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { AnchoredQuote } from '../../lib/anchor/schema';
import type { CargoItem } from '../../lib/finding/schema';
import type { TermRef } from '../../lib/vocab/term-ref';
import { workflowStatusEnum } from './enums';
import { sources } from './sources';
import { users } from './users';

const termList = () =>
  jsonb()
    .$type<TermRef[]>()
    .notNull()
    .default(sql`'[]'::jsonb`);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A finding is the stable identity (EVX-000042) plus its workflow state.
 *
 * The columns after `approvedAt` are a projection of the *listed* revision —
 * the approved one when there is one, else the latest — so that browsing,
 * filtering and searching are index scans on this table alone, at any depth.
 * They are written only by db/queries/findings.ts in the same transaction as
 * the revision they copy.
 */
export const findings = pgTable(
  'findings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publicId: text()
      .notNull()
      // lpad truncates, so ids past 999,999 keep all their digits.
      .generatedAlwaysAs(sql`'EVX-' || lpad(id::text, greatest(6, length(id::text)), '0')`),
    sourceId: integer()
      .notNull()
      .references(() => sources.id),
    status: workflowStatusEnum().notNull().default('draft'),
    latestRevisionId: integer().references((): AnyPgColumn => findingRevisions.id),
    approvedRevisionId: integer().references((): AnyPgColumn => findingRevisions.id),
    lockVersion: integer().notNull().default(0),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the current approved revision was approved: the public "updated" order. */
    approvedAt: timestamp({ withTimezone: true }),

    targetOrgan: text().notNull(),
    /** Labels of the listed revision's organ and species: "sort by target organ" orders by name, not by UBERON id. */
    targetOrganLabel: text().notNull().default(''),
    origin: text().notNull(),
    direction: text().notNull(),
    species: text().notNull(),
    speciesLabel: text().notNull().default(''),
    studyType: text(),
    effectDirection: text(),
    year: integer(),
    doi: text().notNull(),
    cargoTypes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    cargoText: text().notNull().default(''),
    /** Every CURIE the listed revision is grounded to (organs, species, sources, cells, diseases, genes, cargo): "any field uses this term". */
    termCuries: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    search: tsvector()
      .notNull()
      .default(sql`''::tsvector`),
  },
  (t) => [
    uniqueIndex('findings_public_id_key').on(t.publicId),
    index('findings_public_recent_idx')
      .on(t.approvedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.approvedRevisionId} is not null`),
    index('findings_public_organ_species_idx')
      .on(t.targetOrgan, t.species, t.approvedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.approvedRevisionId} is not null`),
    index('findings_public_species_idx')
      .on(t.species, t.approvedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.approvedRevisionId} is not null`),
    index('findings_public_organ_label_idx')
      .on(t.targetOrganLabel, t.id)
      .where(sql`${t.approvedRevisionId} is not null`),
    index('findings_public_species_label_idx')
      .on(t.speciesLabel, t.id)
      .where(sql`${t.approvedRevisionId} is not null`),
    index('findings_public_year_idx')
      .on(t.year.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.approvedRevisionId} is not null`),
    index('findings_public_doi_idx')
      .on(t.doi, t.id)
      .where(sql`${t.approvedRevisionId} is not null`),
    index('findings_status_updated_idx').on(t.status, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('findings_created_by_idx').on(t.createdBy, t.updatedAt.desc().nullsFirst()),
    index('findings_source_idx').on(t.sourceId),
    index('findings_search_idx').using('gin', t.search),
    index('findings_cargo_trgm_idx').using('gin', sql`${t.cargoText} gin_trgm_ops`),
    index('findings_term_curies_idx').using('gin', t.termCuries),
    check('findings_lock_version_nonnegative', sql`${t.lockVersion} >= 0`),
  ],
);

/**
 * One snapshot of a finding's content. A draft is edited in place (autosave);
 * once `submitted_at` is set the row is frozen by a trigger (drizzle/0002).
 */
export const findingRevisions = pgTable(
  'finding_revisions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    findingId: integer()
      .notNull()
      .references((): AnyPgColumn => findings.id),
    revisionNo: integer().notNull(),
    basedOnRevisionId: integer().references((): AnyPgColumn => findingRevisions.id),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    changeSummary: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    /**
     * The editing sitting (one open editor) whose autosaves this draft collects.
     * A later sitting starts a new draft revision, so every sitting stays in the history.
     */
    editSession: text(),

    targetOrgan: text().notNull(),
    targetOrganLabel: text().notNull(),
    origin: text().notNull(),
    originLabel: text().notNull(),
    direction: text().notNull(),
    species: text().notNull(),
    speciesLabel: text().notNull(),
    evSource: text().notNull(),
    /** Grounded values ({curie, label}; curie null = free text, "ungrounded"), in the curator's order. */
    evSourceTerms: termList(),
    cargo: jsonb()
      .$type<CargoItem[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    recipientCell: text().notNull(),
    recipientCellTerms: termList(),
    modelDisease: text().notNull().default(''),
    diseaseTerms: termList(),
    /** A non-disease model (HIIT, LPS treatment, hindlimb unloading): free text by design. */
    condition: text().notNull().default(''),
    result: text().notNull(),
    studyType: text(),
    effectDirection: text(),
    mechanism: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    targetGeneTerms: termList(),
    evType: text(),
    separationMethods: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    particleAnalysis: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    methodTerms: termList(),
    emMethods: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    markersPositive: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    markersNegative: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    evidenceQuote: text().notNull().default(''),
    evidenceLocation: text().notNull().default(''),
    /** The quote chosen in the reader: W3C selectors against a snapshot's SHA-256 (lib/anchor schema). */
    evidenceAnchor: jsonb().$type<AnchoredQuote>(),
    /** The curator says the quote is typed by hand (a figure, a PDF the app does not hold). */
    evidenceUnverified: boolean().notNull().default(false),
    /** Set at submission: the quote was found in the stored text (true) or not checked against it (false). */
    evidenceVerified: boolean(),
    curatorNote: text().notNull().default(''),
  },
  (t) => [
    unique('finding_revisions_finding_no_key').on(t.findingId, t.revisionNo),
    index('finding_revisions_author_idx').on(t.authorId, t.updatedAt.desc().nullsFirst()),
    index('finding_revisions_submitted_idx').on(t.submittedAt),
  ],
);

export type Finding = typeof findings.$inferSelect;
export type NewFinding = typeof findings.$inferInsert;
export type FindingRevision = typeof findingRevisions.$inferSelect;
export type NewFindingRevision = typeof findingRevisions.$inferInsert;
