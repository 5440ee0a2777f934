import { randomBytes } from 'node:crypto';
import { createDb, type DbHandle, type Engine } from './client';
import { runMigrations } from './migrate-lib';
import { testDatabaseUrl } from '../server/env';

/**
 * The engines integration tests run on: always PGlite (in memory); the
 * PostgreSQL server too when TEST_DATABASE_URL or DATABASE_URL is set.
 */
export function testEngines(): Engine[] {
  return serverUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

function serverUrl(): string | undefined {
  return testDatabaseUrl();
}

export type TestDb = DbHandle & { dispose: () => Promise<void> };

/** A fresh, migrated database on the given engine; dispose() drops it. */
export async function openTestDb(engine: Engine, opts: { max?: number } = {}): Promise<TestDb> {
  if (engine === 'pglite') {
    const handle = await createDb({ url: '', dataDir: 'memory://' });
    await runMigrations(handle);
    return { ...handle, dispose: () => handle.close() };
  }
  const base = serverUrl();
  if (!base) throw new Error('no PostgreSQL server configured');
  const name = `evx_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await createDb({ url: base, max: 1 });
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.toString(), max: opts.max ?? 10 });
  try {
    await runMigrations(handle);
  } catch (e) {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.close();
    throw e;
  }
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
