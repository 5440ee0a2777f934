import path from 'node:path';
import type { DbHandle } from './client';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

/** Apply every committed migration in drizzle/ that the database has not seen. */
export async function runMigrations(handle: DbHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.engine === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db as never, { migrationsFolder });
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
