import { randomBytes } from 'node:crypto';
import { startTestRun, testDatabaseUrl } from '../server/env';
import { createDb } from './client';

/** Fail fast, with a clear message, when a configured server does not answer. */
export default async function setup() {
  const run = randomBytes(5).toString('hex');
  startTestRun(run);
  const url = testDatabaseUrl();
  if (!url) return;
  const h = await createDb({ url, max: 1 });
  try {
    await h.query('select 1');
  } catch (e) {
    await h.close();
    throw new Error(`The PostgreSQL server at DATABASE_URL does not answer: ${(e as Error).message}`);
  }
  await h.close();
  // Teardown: drop the template databases (db/test-utils.ts) that this run's workers made.
  return async () => {
    const admin = await createDb({ url, max: 1 });
    try {
      const rows = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
        `evx\\_tpl\\_${run}\\_%`,
      ]);
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
    } finally {
      await admin.close();
    }
  };
}
