import { testDatabaseUrl } from '../server/env';
import { createDb } from './client';

/** Fail fast, with a clear message, when a configured server does not answer. */
export default async function setup() {
  const url = testDatabaseUrl();
  if (!url) return;
  const h = await createDb({ url, max: 1 });
  try {
    await h.query('select 1');
  } catch (e) {
    throw new Error(`The PostgreSQL server at DATABASE_URL does not answer: ${(e as Error).message}`);
  } finally {
    await h.close();
  }
}
