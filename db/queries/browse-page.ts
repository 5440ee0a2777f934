/**
 * The browse page's statement and its rows, without drizzle's select builder and row mapper: the
 * select list and FROM clause are rendered once per module, only the filter conditions are compiled
 * per call (browseConditions, where visibility is decided), and the rows come back as the driver
 * reads them with two timestamps turned into Dates. The statement text is a pure function of the
 * query's shape (which filters, the sort, the page size; the values are parameters).
 *
 * Prepared statements: postgres.js keeps a named statement per connection and text once asked to
 * (`prepare`), and then sends one round trip per call instead of two (it describes an unnamed
 * statement with parameters first). PostgreSQL may switch a named statement to a generic plan after
 * five runs, which would plan a term or search filter without its value (a rare term scanned the
 * recent-first index once: filter-terms.ts). So the page is named only when the filters carry no
 * values (visibility, sort and keyset cursor alone: the plan is the same index walk for any cursor),
 * and the count's EXPLAIN always (a utility statement is planned afresh on every run, with its values).
 */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { CargoItem } from '../../lib/finding/schema';
import type { DbOrTx } from '../client';
import { findingRevisions, findings, sources } from '../schema';

/** The app's dialect settings (db/client.ts): column names from the schema's keys, in snake_case. */
const dialect = new PgDialect({ casing: 'snake_case' });

export type Statement = { sql: string; params: unknown[]; name?: string };

export type BrowseRow = {
  id: number;
  publicId: string;
  status: string;
  targetOrgan: string;
  species: string;
  origin: string;
  /** The term ids behind those labels. */
  targetOrganId: string;
  speciesId: string;
  originId: string;
  direction: string;
  evSource: string;
  cargo: CargoItem[];
  recipientCell: string;
  modelDisease: string;
  result: string;
  studyType: string | null;
  effectDirection: string | null;
  doi: string;
  year: number | null;
  authors: string | null;
  revisionNo: number;
  approvedAt: Date | null;
  updatedAt: Date;
};

/** A row as the driver returns it: timestamps as text (drizzle sets both drivers so), and the sort key. */
export type PageRow = Omit<BrowseRow, 'approvedAt' | 'updatedAt'> & {
  approvedAt: string | null;
  updatedAt: string;
  sortValue: string | number | null;
};

const COLUMNS = {
  id: findings.id,
  publicId: findings.publicId,
  status: findings.status,
  targetOrgan: findingRevisions.targetOrganLabel,
  species: findingRevisions.speciesLabel,
  origin: findingRevisions.originLabel,
  targetOrganId: findingRevisions.targetOrgan,
  speciesId: findingRevisions.species,
  originId: findingRevisions.origin,
  direction: findingRevisions.direction,
  evSource: findingRevisions.evSource,
  cargo: findingRevisions.cargo,
  recipientCell: findingRevisions.recipientCell,
  modelDisease: findingRevisions.modelDisease,
  result: findingRevisions.result,
  studyType: findingRevisions.studyType,
  effectDirection: findingRevisions.effectDirection,
  doi: findings.doi,
  year: findings.year,
  authors: sources.authors,
  revisionNo: findingRevisions.revisionNo,
  approvedAt: findings.approvedAt,
  updatedAt: findings.updatedAt,
} satisfies Record<keyof BrowseRow, unknown>;

/** The select list, rendered once. */
const SELECT_LIST = sql.raw(
  dialect.sqlToQuery(
    sql.join(
      Object.entries(COLUMNS).map(([alias, col]) => sql`${col} as ${sql.identifier(alias)}`),
      sql`, `,
    ),
  ).sql,
);

/** `from findings join <the revision shown> join sources`, rendered once per join column. */
function fromClause(shown: AnyColumn): SQL {
  const from = sql`from ${findings}
    inner join ${findingRevisions} on ${findingRevisions.id} = ${shown}
    inner join ${sources} on ${sources.id} = ${findings.sourceId}`;
  return sql.raw(dialect.sqlToQuery(from).sql);
}
const FROM = { public: fromClause(findings.approvedRevisionId), listed: fromClause(findings.latestRevisionId) };

export type PageParts = {
  /** Public view: the approved revision is shown; else the latest (a status filter). */
  pub: boolean;
  /** The filters, visibility included, without the cursor. */
  where: SQL;
  /** The keyset condition, when past page 1. */
  after: SQL | null;
  /** The sort key (selected as `sortValue`, as text for timestamps) and the ORDER BY. */
  sortValue: SQL;
  order: SQL;
  /** Rows to read: the page size + 1 (is there a next page). */
  take: number;
};

/** The filters compiled once (their text and values): the page and the count share them. */
export function compileWhere(where: SQL): Statement {
  return dialect.sqlToQuery(where);
}

/**
 * The page's statement, always named: prepared per connection and per shape (the driver keys it by its text), so
 * a call is one round trip. The server's connections plan every execution for its values (plan_cache_mode =
 * force_custom_plan, db/client.ts), so a term or a search value still gets its own plan.
 */
export function pageStatement(p: PageParts): Statement {
  if (!Number.isSafeInteger(p.take) || p.take < 1) throw new Error(`page size ${p.take}`);
  const query = sql`select ${SELECT_LIST}, ${p.sortValue} as "sortValue" ${p.pub ? FROM.public : FROM.listed}
    where ${p.where}${p.after ? sql` and ${p.after}` : sql``} order by ${p.order} limit ${sql.raw(String(p.take))}`;
  const st = dialect.sqlToQuery(query);
  return { ...st, name: 'browse_page' };
}

/** The planner's estimate for the filters: EXPLAIN, always named (planned with its values on every run). */
export function estimateStatement(where: Statement): Statement {
  return { sql: `explain (format json) select 1 from "findings" where ${where.sql}`, params: where.params, name: 'e' };
}

/** Rows of a statement through the session drizzle uses (so transactions work), without its mapping. */
export async function runStatement<T>(db: DbOrTx, st: Statement): Promise<T[]> {
  const res = (await db._.session.prepareQuery(st, undefined, st.name, false).execute()) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/** The driver's rows as BrowseRows: the two timestamps become Dates, the sort key is left out. */
export function toBrowseRows(rows: readonly PageRow[], n: number): BrowseRow[] {
  const out: BrowseRow[] = new Array<BrowseRow>(Math.min(n, rows.length));
  for (let i = 0; i < out.length; i++) {
    const r = rows[i]!;
    // Spelled out (no spread): one object shape for every row, built in one step.
    out[i] = {
      id: r.id,
      publicId: r.publicId,
      status: r.status,
      targetOrgan: r.targetOrgan,
      species: r.species,
      origin: r.origin,
      targetOrganId: r.targetOrganId,
      speciesId: r.speciesId,
      originId: r.originId,
      direction: r.direction,
      evSource: r.evSource,
      cargo: r.cargo,
      recipientCell: r.recipientCell,
      modelDisease: r.modelDisease,
      result: r.result,
      studyType: r.studyType,
      effectDirection: r.effectDirection,
      doi: r.doi,
      year: r.year,
      authors: r.authors,
      revisionNo: r.revisionNo,
      approvedAt: r.approvedAt === null ? null : new Date(r.approvedAt),
      updatedAt: new Date(r.updatedAt),
    };
  }
  return out;
}
