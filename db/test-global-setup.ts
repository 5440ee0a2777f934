import { randomBytes } from 'node:crypto';
import { startTestRun, testDatabaseUrl } from '../server/env';
import { createDb } from './client';
import { dropTemplates, makePgliteTemplate, makeServerTemplate } from './test-templates';

/**
 * Before the workers start: fail fast, with a clear message, when a configured server does not
 * answer; then make this run's test database templates (db/test-templates.ts). After: drop them.
 */
export default async function setup() {
  const run = randomBytes(5).toString('hex');
  startTestRun(run);
  const url = testDatabaseUrl();
  if (url) {
    const h = await createDb({ url, max: 1 });
    try {
      await h.query('select 1');
    } catch (e) {
      throw new Error(`The PostgreSQL server at DATABASE_URL does not answer: ${(e as Error).message}`);
    } finally {
      await h.close();
    }
  }
  await Promise.all([makePgliteTemplate(run), url ? makeServerTemplate(url, run) : null]);
  return () => dropTemplates(url, run);
}
