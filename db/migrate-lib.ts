import path from 'node:path';
import type { Sql } from 'postgres';
import type { Db, DbHandle } from './client';
import * as schema from './schema';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

/**
 * The advisory lock every migration run takes on the server (a fixed key, hashed by PostgreSQL as the sign-in
 * limits' keys are): two processes starting at once migrate one after the other, and the second finds nothing
 * left to do. A session lock, so a process that dies while migrating releases it with its connection.
 */
export const MIGRATION_LOCK = 'evx:migrations';
const lockKey = `hashtextextended('${MIGRATION_LOCK}', 0)`;

/**
 * Run `fn` while holding the migration lock. On the server `fn` gets a database on the one connection that holds
 * the lock (taken out of the pool for the duration; the pool needs no second connection for it). PGlite is one
 * process with one connection: no lock is needed there.
 */
export async function withMigrationLock<T>(handle: DbHandle, fn: (db: Db) => Promise<T>): Promise<T> {
  if (handle.engine === 'pglite') return fn(handle.db);
  const pool = (handle.db as unknown as { $client: Sql }).$client;
  const conn = await pool.reserve();
  try {
    await conn.unsafe(`select pg_advisory_lock(${lockKey})`);
    let result: T;
    try {
      result = await fn(await onConnection(pool, conn));
    } catch (e) {
      // A connection that broke has let go of the lock already; the first error is the one to report.
      await conn.unsafe(`select pg_advisory_unlock(${lockKey})`).catch(() => {});
      throw e;
    }
    await conn.unsafe(`select pg_advisory_unlock(${lockKey})`);
    return result;
  } finally {
    conn.release();
  }
}

/**
 * A drizzle database over one reserved connection. postgres.js gives a reserved connection no `begin`; drizzle's
 * migrator needs one (a single transaction, no savepoints), so it is given here as plain BEGIN / COMMIT / ROLLBACK
 * on that same connection.
 */
async function onConnection(pool: Sql, conn: Sql): Promise<Db> {
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const begin = async <R>(fn: (c: Sql) => Promise<R>): Promise<R> => {
    await conn.unsafe('begin');
    try {
      const result = await fn(client);
      await conn.unsafe('commit');
      return result;
    } catch (e) {
      await conn.unsafe('rollback');
      throw e;
    }
  };
  const client = Object.assign(conn, { options: pool.options, begin }) as unknown as Sql;
  return drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
}

/** Apply every committed migration in drizzle/ that the database has not seen, under the migration lock. */
export async function runMigrations(handle: DbHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  await withMigrationLock(handle, (db) => migrateWith(handle.engine, db, migrationsFolder));
}

/** drizzle's migrator on `db`; inside withMigrationLock on the server. */
export async function migrateWith(engine: DbHandle['engine'], db: Db, migrationsFolder = MIGRATIONS_FOLDER) {
  if (engine === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(db as never, { migrationsFolder });
  }
}

export type MigrationState = { applied: number; available: number; upToDate: boolean; latest: string | null };

/** How many of the committed migrations are applied (drizzle keeps its ledger in drizzle.__drizzle_migrations). */
export async function migrationState(handle: DbHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<MigrationState> {
  const { readFileSync } = await import('node:fs');
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  let applied = 0;
  try {
    const rows = await handle.query<{ n: string | number }>('select count(*) as n from drizzle.__drizzle_migrations');
    applied = Number(rows[0]?.n ?? 0);
  } catch {
    applied = 0;
  }
  const available = journal.entries.length;
  return { applied, available, upToDate: applied >= available, latest: journal.entries.at(-1)?.tag ?? null };
}
