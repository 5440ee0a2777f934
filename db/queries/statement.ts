/**
 * Fixed-shape statements sent as prepared statements, on either engine. Drizzle builds a query's SQL
 * on every call and sends it unnamed; postgres.js then describes a parameterized unnamed statement
 * first and binds it only after the answer — two round trips, and nothing else can be pipelined
 * behind it. A Statement is built once (named placeholders, SQL text kept), and every run is a
 * prepared statement: postgres.js prepares it once per connection, then sends Bind/Execute only,
 * pipelined with its neighbours. PGlite runs the same text.
 */
import { type Column, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client';

const dialect = new PgDialect({ casing: 'snake_case' });

export class Statement<R = Record<string, unknown>> {
  #query: { sql: string; params: unknown[] } | null = null;

  /** `name` is what postgres.js is told (it prepares by text); `build` uses sql.placeholder for every value. */
  constructor(
    readonly name: string,
    private readonly build: () => SQL,
  ) {}

  /** The SQL text, with $1 … $n for the placeholders in order, and their names. */
  get query(): { sql: string; params: unknown[] } {
    return (this.#query ??= dialect.sqlToQuery(this.build()));
  }

  /** The placeholder names in parameter order ($1 is the first). */
  get names(): string[] {
    return this.query.params.map((p) => (p as { name: string }).name);
  }

  /** Run with the placeholders' values (already in the driver's encoding: see encode()); the raw rows. */
  async run(db: DbOrTx, values: Record<string, unknown>): Promise<R[]> {
    const prepared = db._.session.prepareQuery(this.query, undefined, this.name, false);
    // postgres.js answers with the rows, PGlite with a result holding them.
    const result = (await prepared.execute(values)) as R[] | { rows: R[] };
    return Array.isArray(result) ? result : result.rows;
  }
}

/** A value in the driver encoding drizzle gives the column (jsonb as text, text[] as an array literal…); null stays null. */
export function encode(column: Column, value: unknown): unknown {
  return value == null ? null : column.mapToDriverValue(value);
}

/** A raw value as drizzle reads the column (dates, jsonb, arrays); null stays null. */
export function decode(column: Column, value: unknown): unknown {
  return value == null ? null : column.mapFromDriverValue(value);
}

/** A column's snake_case name in SQL. */
export const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `$name::type` for a column's value. */
export const typed = (name: string, column: Column) => sql`${sql.placeholder(name)}::${sql.raw(column.getSQLType())}`;
