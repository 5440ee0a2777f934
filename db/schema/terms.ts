import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { findings } from './findings';
import { users } from './users';

/**
 * One term of a controlled vocabulary (UBERON, CL, Cellosaurus, NCBITaxon,
 * miRBase, MONDO, HP, ECO, HGNC) or a local term an admin accepted from a
 * curator's request (EVXT:…). Loaded from db/vocab/*.tsv by db/vocab-load.ts;
 * a term that leaves its vocabulary is marked obsolete, never deleted, so
 * findings that use it keep resolving.
 */
export const terms = pgTable(
  'terms',
  {
    curie: text().primaryKey(),
    vocab: text().notNull(),
    /** What the term names (anatomy, cell, cell_line, taxon, mirna, disease, phenotype, method, gene): what a field accepts. */
    kind: text().notNull(),
    label: text().notNull(),
    synonyms: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Ids in other vocabularies that name the same thing (MONDO's DOID exact matches). */
    xrefs: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    parents: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** NCBITaxon CURIE of a species-specific term (a miRBase mature miRNA). */
    species: text(),
    obsolete: boolean().notNull().default(false),
    replacedBy: text(),
    sourceVersion: text().notNull(),
    /** Lower-cased label, synonyms, CURIE and xrefs: what suggestions match by trigram. */
    searchText: text().notNull(),
    extra: jsonb()
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('terms_kind_label_idx').on(t.kind, sql`lower(${t.label}) text_pattern_ops`),
    index('terms_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('terms_xrefs_idx').using('gin', t.xrefs),
    index('terms_vocab_idx').on(t.vocab),
  ],
);

/** The transitive closure of `parents` (a term is its own ancestor at depth 0): hierarchy filters are one join. */
export const termAncestors = pgTable(
  'term_ancestors',
  {
    curie: text().notNull(),
    ancestor: text().notNull(),
    depth: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestor, t.curie] }), index('term_ancestors_curie_idx').on(t.curie)],
);

/** Which release of each vocabulary is loaded, and the hash of the file it came from (loading is idempotent). */
export const vocabReleases = pgTable('vocab_releases', {
  vocab: text().primaryKey(),
  version: text().notNull(),
  fileSha256: text().notNull(),
  termCount: integer().notNull(),
  obsoleteCount: integer().notNull().default(0),
  loadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A curator's request for a term the vocabularies lack; an admin accepts it as a local term or maps it to one. */
export const termRequests = pgTable(
  'term_requests',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    label: text().notNull(),
    definition: text().notNull(),
    parentCurie: text(),
    reason: text().notNull(),
    status: text().notNull().default('open'),
    requestedBy: integer()
      .notNull()
      .references(() => users.id),
    resolvedTerm: text().references(() => terms.curie),
    resolvedBy: integer().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    resolutionNote: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('term_requests_status_idx').on(t.status, t.createdAt),
    check('term_requests_status_check', sql`${t.status} in ('open', 'accepted', 'mapped', 'declined')`),
  ],
);

/**
 * A grounding the loader could not decide alone: the text of one field of one
 * finding and the candidate terms it matched. Curators work through the open
 * ones on /grounding; each choice is a normal revision of the finding.
 */
export const groundingProposals = pgTable(
  'grounding_proposals',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    findingId: integer()
      .notNull()
      .references(() => findings.id),
    field: text().notNull(),
    text: text().notNull(),
    candidates: jsonb()
      .$type<{ curie: string; label: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Why it waits: several candidates (ambiguous) or a synonym-only match (needs a curator's eye). */
    reason: text().notNull(),
    status: text().notNull().default('open'),
    resolvedBy: integer().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grounding_proposals_open_idx').on(t.status, t.findingId),
    check('grounding_proposals_status_check', sql`${t.status} in ('open', 'resolved', 'dismissed')`),
  ],
);

export type Term = typeof terms.$inferSelect;
export type NewTerm = typeof terms.$inferInsert;
