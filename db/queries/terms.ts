/**
 * Term suggestions for the term picker (`GET /api/terms`) and term display by id.
 *
 * Ranking, first tier first:
 *   0 the text spells the term's id — a CURIE in any case, a bare accession (CVCL_0188,
 *     MIMAT0000239, 0002371), or a DOID id that MONDO lists as an exact match;
 *   1 exact label; 2 exact synonym; 3 label prefix; 4 synonym prefix;
 *   5 a whole word of the label or a synonym (`miR-206` in mmu-miR-206-3p); 6 a word prefix;
 *   7 anywhere in label, synonyms or id; 8 trigram word similarity (typos), best first.
 * Within a tier, a match that splits a number comes last (`il1` names IL1A and IL1B before
 * IL10, `mir-1` mmu-miR-1a-3p before mmu-miR-105), then the shorter label, then the label.
 * Tiers 0–7 are one query whose candidates come from the primary key, the xrefs GIN index and
 * the search_text trigram GIN index (LIKE '%text%'); text without three letters or digits in a
 * row gives trigrams nothing to match, so it matches ids and label prefixes only, through the
 * (kind, lower(label)) btree. Tier 8 answers only when nothing matched as text, and only for
 * vocabularies of words (not miRNA or gene symbols, where a near miss is another molecule):
 * the kind btree and the trigram index together (BitmapAnd), at most FUZZY_POOL candidates.
 * Obsolete terms are never suggested. miRNAs and genes are limited to the study species when given.
 */
import { and, arrayOverlaps, asc, desc, eq, inArray, not, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  escapeLike,
  escapeRegex,
  idCandidates,
  normalizeSearchText,
  prefixUpperBound,
  SUGGEST_LIMIT_DEFAULT,
  SUGGEST_LIMIT_MAX,
  type TermSuggestion,
} from '../../lib/vocab/suggest-query';
import type { TermKind } from '../../lib/vocab/sources';
import type { DbOrTx } from '../client';
import { terms } from '../schema';

export type { TermSuggestion };

export type SuggestInput = { text: string; kinds: readonly TermKind[]; species?: string | null; limit?: number };

/** Kinds whose terms belong to one species: suggested only for the study's species when it is given. */
export const SPECIES_SCOPED_KINDS: readonly TermKind[] = ['mirna', 'gene'];

/** Kinds whose names are symbols: no trigram guesses (mmu-miR-207 is no typo of miR-206). */
export const NO_FUZZY_KINDS: readonly TermKind[] = ['mirna', 'gene'];

/** Fuzzy (trigram) matching looks at no more candidates than this: a vaguer text gets the closest of these. */
export const FUZZY_POOL = 200;

/** Trigram matching needs three letters or digits in a row. */
const hasTrigram = (text: string) => /[\p{L}\p{N}]{3}/u.test(text);

const parent = alias(terms, 'parent');

const columns = {
  curie: terms.curie,
  label: terms.label,
  kind: terms.kind,
  vocab: terms.vocab,
  species: terms.species,
  synonyms: terms.synonyms,
  xrefs: terms.xrefs,
  note: sql<string | null>`${terms.extra}->>'note'`,
  parentCurie: parent.curie,
  parentLabel: parent.label,
};

type Row = {
  curie: string;
  label: string;
  kind: string;
  vocab: string;
  species: string | null;
  synonyms: string[];
  xrefs: string[];
  note: string | null;
  parentCurie: string | null;
  parentLabel: string | null;
  tier: number;
  matched?: string | null;
};

type Plan = { text: string; ids: string[]; limit: number; scope: SQL };

function scopeOf(kinds: readonly TermKind[], species: string | null | undefined): SQL {
  const base = and(inArray(terms.kind, [...kinds]), not(terms.obsolete))!;
  const scoped = kinds.filter((k) => SPECIES_SCOPED_KINDS.includes(k));
  if (!species || scoped.length === 0) return base;
  return and(base, or(notInArray(terms.kind, scoped), eq(terms.species, species)))!;
}

const joinParent = sql`${parent.curie} = ${terms.parents}[1]`;

/** Tiers 0–7: candidates by id, xref and substring (or label prefix for short text), ranked in SQL. */
async function strongMatches(db: DbOrTx, p: Plan): Promise<Row[]> {
  const { text, ids } = p;
  const st = terms.searchText;
  const byId = ids.length > 0 ? or(inArray(terms.curie, ids), arrayOverlaps(terms.xrefs, ids)) : undefined;
  const byText = hasTrigram(text)
    ? sql`${st} like ${`%${escapeLike(text)}%`}`
    : sql`lower(${terms.label}) ~>=~ ${text} and lower(${terms.label}) ~<~ ${prefixUpperBound(text)}`;
  const word = `(^|[^[:alnum:]])${escapeRegex(text)}`;
  // Of a label prefix, the label's next character; of any other match, the words of the search text.
  const splits = /\d$/.test(text)
    ? sql`(case when starts_with(${st}, ${text}) then substr(${st}, ${[...text].length + 1}, 1) between '0' and '9'
        else ${st} !~ ${`${word}([^[:digit:]]|$)`} end)`
    : sql`false`;
  const idTier = byId ? sql`when ${byId} then 0` : sql``;
  // Short text matched label prefixes only: exact or prefix, nothing more to tell apart.
  const tier = hasTrigram(text)
    ? sql`(case ${idTier}
        when starts_with(${st}, ${`${text} | `}) then 1
        when strpos(${st}, ${` | ${text} | `}) > 0 then 2
        when starts_with(${st}, ${text}) then 3
        when strpos(${st}, ${` | ${text}`}) > 0 then 4
        when ${st} ~ ${`${word}($|[^[:alnum:]])`} then 5
        when ${st} ~ ${word} then 6
        else 7 end)`
    : sql`(case ${idTier} when starts_with(${st}, ${`${text} | `}) then 1 else 3 end)`;
  // Rank and cut in a subquery; only the rows kept are joined to their parent.
  const ranked = db
    .select({
      curie: sql<string>`${terms.curie}`.as('ranked_curie'),
      tier: sql<number>`${tier}::int`.as('tier'),
      splits: sql<boolean>`${splits}`.as('splits'),
    })
    .from(terms)
    .where(and(p.scope, byId ? or(byId, byText) : byText))
    .orderBy(sql`tier`, sql`splits`, asc(sql`length(${terms.label})`), asc(terms.label), asc(terms.curie))
    .limit(p.limit)
    .as('ranked');
  return db
    .select({ ...columns, tier: ranked.tier })
    .from(ranked)
    .innerJoin(terms, eq(terms.curie, ranked.curie))
    .leftJoin(parent, joinParent)
    .orderBy(ranked.tier, ranked.splits, asc(sql`length(${terms.label})`), asc(terms.label), asc(terms.curie));
}

/** Tier 8: trigram word similarity, through the GIN index, over a bounded pool of candidates. */
async function fuzzyMatches(db: DbOrTx, p: Plan): Promise<Row[]> {
  const { text } = p;
  const pool = db
    .select({ curie: terms.curie })
    .from(terms)
    .where(and(p.scope, sql`${text} <% ${terms.searchText}`))
    .limit(FUZZY_POOL);
  const sim = sql`word_similarity(${text}, ${terms.searchText})`;
  const matched = sql<string | null>`(select s from unnest(${terms.synonyms}) s
    where word_similarity(${text}, lower(s)) > word_similarity(${text}, lower(${terms.label}))
    order by word_similarity(${text}, lower(s)) desc limit 1)`;
  return db
    .select({ ...columns, tier: sql<number>`8`, matched })
    .from(terms)
    .leftJoin(parent, joinParent)
    .where(inArray(terms.curie, pool))
    .orderBy(desc(sim), asc(sql`length(${terms.label})`), asc(terms.label))
    .limit(p.limit);
}

/** Whether `t` occurs in `s` at the start of a word. */
function hasWordStart(s: string, t: string): boolean {
  for (let at = s.indexOf(t); at !== -1; at = s.indexOf(t, at + 1))
    if (at === 0 || !/[\p{L}\p{N}]/u.test(s[at - 1]!)) return true;
  return false;
}

/** Which synonym (or xref) made a term match when its label did not. */
function matchedOf(r: Row, p: Plan): string | null {
  if (r.tier === 8) return r.matched ?? null;
  if (r.tier === 0) return p.ids.includes(r.curie) ? null : (r.xrefs.find((x) => p.ids.includes(x)) ?? null);
  const t = p.text;
  if (r.label.toLowerCase().includes(t)) return null;
  const syns = r.synonyms.map((s) => ({ s, l: s.toLowerCase() }));
  const best =
    syns.find((x) => x.l === t) ??
    syns.find((x) => x.l.startsWith(t)) ??
    syns.find((x) => hasWordStart(x.l, t)) ??
    syns.find((x) => x.l.includes(t));
  return best?.s ?? null;
}

function toSuggestion(r: Row, p: Plan): TermSuggestion {
  return {
    curie: r.curie,
    label: r.label,
    kind: r.kind as TermKind,
    vocab: r.vocab,
    matched: matchedOf(r, p),
    parent: r.parentCurie && r.parentLabel ? { curie: r.parentCurie, label: r.parentLabel } : null,
    species: r.species,
    note: r.note || null,
  };
}

/** Terms of the given kinds that the text names, best first (see the ranking above). */
export async function suggestTerms(db: DbOrTx, q: SuggestInput): Promise<TermSuggestion[]> {
  const text = normalizeSearchText(q.text);
  if (!text || q.kinds.length === 0) return [];
  const limit = Math.min(Math.max(1, Math.trunc(q.limit ?? SUGGEST_LIMIT_DEFAULT)), SUGGEST_LIMIT_MAX);
  const plan: Plan = { text, ids: idCandidates(q.text), limit, scope: scopeOf(q.kinds, q.species) };
  const strong = await strongMatches(db, plan);
  const wordKinds = q.kinds.filter((k) => !NO_FUZZY_KINDS.includes(k));
  const rows =
    strong.length === 0 && wordKinds.length > 0 && hasTrigram(text)
      ? await fuzzyMatches(db, { ...plan, scope: scopeOf(wordKinds, null) })
      : strong;
  return rows.map((r) => toSuggestion(r, plan));
}

export type TermDisplay = {
  curie: string;
  label: string;
  kind: TermKind;
  vocab: string;
  species: string | null;
  obsolete: boolean;
  replacedBy: string | null;
  parent: { curie: string; label: string } | null;
};

/** The terms with these ids (unknown ones left out), in the order asked: how a form shows values it already holds. */
export async function getTermsByCurie(db: DbOrTx, curies: readonly string[]): Promise<TermDisplay[]> {
  const unique = [...new Set(curies)].filter(Boolean);
  if (unique.length === 0) return [];
  const rows = await db
    .select({
      curie: terms.curie,
      label: terms.label,
      kind: terms.kind,
      vocab: terms.vocab,
      species: terms.species,
      obsolete: terms.obsolete,
      replacedBy: terms.replacedBy,
      parentCurie: parent.curie,
      parentLabel: parent.label,
    })
    .from(terms)
    .leftJoin(parent, joinParent)
    .where(inArray(terms.curie, unique));
  const byId = new Map(rows.map((r) => [r.curie, r]));
  return unique.flatMap((c) => {
    const r = byId.get(c);
    if (!r) return [];
    const { parentCurie, parentLabel, ...rest } = r;
    return [
      {
        ...rest,
        kind: r.kind as TermKind,
        parent: parentCurie && parentLabel ? { curie: parentCurie, label: parentLabel } : null,
      },
    ];
  });
}
