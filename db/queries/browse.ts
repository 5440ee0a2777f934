import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { canFilterByStatus } from '../../lib/policy/read';
import { type BrowseQuery, decodeCursor, encodeCursor } from '../../lib/browse/filters';
import { DomainError } from '../../lib/errors';
import type { Role } from '../../lib/vocab/terms';
import type { DbOrTx } from '../client';
import { findingRevisions, findings } from '../schema';
import {
  type BrowseRow,
  compileWhere,
  estimateStatement,
  type PageParts,
  type PageRow,
  pageStatement,
  runStatement,
  type Statement,
  toBrowseRows,
} from './browse-page';
import { overlapsTerm, resolveFilterTerms, type TermSets, underTerm } from './filter-terms';

export type Viewer = { id: number; role: Role } | null;

/** Approved findings for everyone; other statuses only for signed-in users (drafts: their own). */
function isPublicView(q: BrowseQuery, viewer: Viewer): boolean {
  if (!q.status || q.status === 'approved') return true;
  // Public read does not matter here: the route has already decided the viewer may read at all.
  if (!canFilterByStatus({ viewer, publicRead: true }, q.status))
    throw new DomainError(
      'forbidden',
      'browse',
      'Sign in to filter by workflow status; only approved findings are public.',
      'status',
    );
  return false;
}

function tsQuery(q: string) {
  return sql`websearch_to_tsquery('english', ${q})`;
}

/**
 * WHERE conditions of a query, without the cursor. Every one is served by an index on `findings`.
 * `sets`: the term filters' terms with their descendants (resolveFilterTerms); without them a term
 * filter reads its descendants from term_ancestors in a subquery — the same rows.
 */
export function browseConditions(q: BrowseQuery, viewer: Viewer, sets: TermSets = {}): SQL[] {
  const pub = isPublicView(q, viewer);
  const c: SQL[] = [];
  if (pub) c.push(sql`${findings.approvedRevisionId} is not null`);
  else {
    c.push(eq(findings.status, q.status!));
    // A draft is private to its author.
    if (q.status === 'draft')
      c.push(
        sql`exists (select 1 from ${findingRevisions} r where r.id = ${findings.latestRevisionId} and r.author_id = ${viewer!.id})`,
      );
  }
  // A term filter matches the term and everything under it: "Nervous system" finds brain, spinal cord and nerves.
  if (q.organ) c.push(underTerm(findings.targetOrgan, 'organ', q.organ, sets));
  if (q.origin) c.push(underTerm(findings.origin, 'origin', q.origin, sets));
  if (q.direction) c.push(eq(findings.direction, q.direction));
  if (q.species) c.push(underTerm(findings.species, 'species', q.species, sets));
  if (q.term) c.push(overlapsTerm(findings.termCuries, 'term', q.term, sets));
  if (q.study) c.push(eq(findings.studyType, q.study));
  if (q.effect) c.push(eq(findings.effectDirection, q.effect));
  if (q.cargoType) c.push(sql`${findings.cargoTypes} @> array[${q.cargoType}]::text[]`);
  if (q.cargo) c.push(sql`${findings.cargoText} ilike ${`%${escapeLike(q.cargo)}%`}`);
  if (q.yearFrom !== undefined) c.push(gte(findings.year, q.yearFrom));
  if (q.yearTo !== undefined) c.push(lte(findings.year, q.yearTo));
  if (q.doi) c.push(eq(findings.doi, q.doi));
  // Words match the stored tsvector; a partial cargo name ("miR-133") matches by trigram.
  if (q.q)
    c.push(sql`(${findings.search} @@ ${tsQuery(q.q)} or ${findings.cargoText} ilike ${`%${escapeLike(q.q)}%`})`);
  return c;
}

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

type SortSpec = { expr: SQL; cast: SQL; dir: 'asc' | 'desc'; time?: boolean };

function sortSpec(q: BrowseQuery, pub: boolean): SortSpec {
  switch (q.sort) {
    // By name, as the table shows them (the projection's label columns, each with a keyset index).
    case 'organ':
      return { expr: sql`${findings.targetOrganLabel}`, cast: sql`::text`, dir: q.dir ?? 'asc' };
    case 'species':
      return { expr: sql`${findings.speciesLabel}`, cast: sql`::text`, dir: q.dir ?? 'asc' };
    case 'doi':
      return { expr: sql`${findings.doi}`, cast: sql`::text`, dir: q.dir ?? 'asc' };
    case 'year':
      return { expr: sql`coalesce(${findings.year}, 0)`, cast: sql`::int`, dir: q.dir ?? 'desc' };
    case 'relevance':
      return { expr: sql`ts_rank_cd(${findings.search}, ${tsQuery(q.q ?? '')})`, cast: sql`::real`, dir: 'desc' };
    default:
      return {
        expr: pub ? sql`${findings.approvedAt}` : sql`${findings.updatedAt}`,
        cast: sql`::timestamptz`,
        dir: q.dir ?? 'desc',
        time: true,
      };
  }
}

export type { BrowseRow };

export type BrowseCount = { n: number; exact: boolean };
export type BrowsePage = { rows: BrowseRow[]; next: string | null; count: BrowseCount };

/** Counts are exact up to this many rows… */
export const EXACT_COUNT_LIMIT = 10_000;
/**
 * …and not even tried when the planner expects more than this many: its estimate is shown instead.
 * (A search matching tens of thousands is a bitmap scan that cannot stop early: counting even a
 * capped 10 001 rows of it costs 17–36 ms at a million findings, the planning 0.3 ms.)
 */
export const ESTIMATE_ONLY_ABOVE = EXACT_COUNT_LIMIT;

/**
 * One keyset page (no OFFSET: constant time at any depth) and a count, exact
 * up to 10 000. The page and the count are independent queries and run side
 * by side (two pool connections on the server), so the count adds no wait
 * when it is the cheaper of the two. The count reuses the page's compiled filters.
 */
export async function browseFindings(db: DbOrTx, q: BrowseQuery, viewer: Viewer): Promise<BrowsePage> {
  const pub = isPublicView(q, viewer);
  // Unknown terms are refused here, before any finding is read.
  const sets = await resolveFilterTerms(db, q);
  const parts = pageParts(q, viewer, sets, pub);
  const where = compileWhere(parts.where);
  const [rows, count] = await Promise.all([runStatement<PageRow>(db, pageStatement(parts)), countWhere(db, where)]);
  const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
  const next = last ? encodeCursor(normalizeSortValue(last.sortValue), last.id) : null;
  return { rows: toBrowseRows(rows, q.limit), next, count };
}

/** The page's parts: the filters (visibility first), the keyset condition, the sort. */
export function pageParts(q: BrowseQuery, viewer: Viewer, sets: TermSets, pub = isPublicView(q, viewer)): PageParts {
  const where = and(...browseConditions({ ...q, cursor: undefined }, viewer, sets))!;
  const s = sortSpec(q, pub);
  let after: SQL | null = null;
  if (q.cursor) {
    const cur = decodeCursor(q.cursor);
    if (!cur) throw new DomainError('invalid', 'browse', 'Malformed cursor; start from the first page.', 'cursor');
    const op = s.dir === 'desc' ? sql`<` : sql`>`;
    after = sql`(${s.expr}, ${findings.id}) ${op} (${cur.value}${s.cast}, ${cur.id})`;
  }
  const order = s.dir === 'desc' ? sql`${s.expr} desc, ${findings.id} desc` : sql`${s.expr} asc, ${findings.id} asc`;
  // Timestamps travel as text: microseconds survive, which a JS Date would drop.
  const sortValue = sql`(${s.expr})${s.time ? sql`::text` : sql``}`;
  return { pub, where, after, sortValue, order, take: q.limit + 1 };
}

/** The SQL statement of a page, as browseFindings sends it (the bench runs it as the raw side). */
export async function browsePageStatement(db: DbOrTx, q: BrowseQuery, viewer: Viewer): Promise<Statement> {
  const parts = pageParts(q, viewer, await resolveFilterTerms(db, q));
  return pageStatement(parts);
}

function normalizeSortValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

export type CountLimits = { exactLimit: number; estimateOnlyAbove: number };
const DEFAULT_LIMITS: CountLimits = { exactLimit: EXACT_COUNT_LIMIT, estimateOnlyAbove: ESTIMATE_ONLY_ABOVE };

/**
 * How many rows the filters match, without the cursor. The planner's estimate
 * comes first (an EXPLAIN: no rows read). Above `estimateOnlyAbove` it is the
 * answer, marked as an estimate; otherwise the rows are counted, at most
 * `exactLimit + 1` of them, and the count is exact unless it reached the cap.
 */
export async function countFindings(
  db: DbOrTx,
  q: BrowseQuery,
  viewer: Viewer,
  limits: CountLimits = DEFAULT_LIMITS,
): Promise<BrowseCount> {
  const where = and(...browseConditions({ ...q, cursor: undefined }, viewer, await resolveFilterTerms(db, q)))!;
  return countWhere(db, compileWhere(where), limits);
}

async function countWhere(db: DbOrTx, where: Statement, limits: CountLimits = DEFAULT_LIMITS): Promise<BrowseCount> {
  const estimate = planRows(await runStatement<Record<string, unknown>>(db, estimateStatement(where)));
  if (estimate > limits.estimateOnlyAbove) return { n: estimate, exact: false };
  const [row] = await runStatement<{ n: number }>(db, {
    sql: `select count(*)::int as n from (select 1 from "findings" where ${where.sql} limit ${capOf(limits.exactLimit)}) as capped`,
    params: where.params,
  });
  const n = Number(row?.n ?? 0);
  if (n <= limits.exactLimit) return { n, exact: true };
  return { n: Math.max(n, estimate), exact: false };
}

/** The capped count's LIMIT, a literal (the page's statement text then depends on the limits only). */
const capOf = (exactLimit: number) => (Number.isFinite(exactLimit) ? String(Math.trunc(exactLimit) + 1) : 'all');

/** The top node's row estimate from an `explain (format json)` result. */
function planRows(list: Record<string, unknown>[]): number {
  const plan = list[0]?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: { 'Plan Rows': number } }[];
  return Math.round(parsed[0]?.Plan['Plan Rows'] ?? 0);
}

/** The planner's row estimate for a query (EXPLAIN without ANALYZE: planned, not run). */
export async function plannedRows(db: DbOrTx, query: SQL): Promise<number> {
  const res = (await db.execute(sql`explain (format json) ${query}`)) as unknown;
  return planRows((Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Record<string, unknown>[]);
}
