import 'server-only';
import { createDb, type DbHandle } from './client';

// One client per server process; cached on globalThis so dev reloads and
// concurrent first requests share it (PGlite allows one opener per folder).
const g = globalThis as unknown as { __evxDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  g.__evxDb ??= createDb().catch((e) => {
    g.__evxDb = undefined;
    throw e;
  });
  return g.__evxDb;
}

export async function getDb() {
  return (await getDbHandle()).db;
}
