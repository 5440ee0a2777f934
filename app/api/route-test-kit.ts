/**
 * What the route handler tests share: a seeded database the app's getDb() answers with (db/index.ts
 * keeps one handle on globalThis), and a read token of the demo curator to call routes with.
 */
import type { DbHandle, Engine } from '@/db/client';
import { createApiToken } from '@/db/queries/api-tokens';
import { openSeededDb, type TestDb } from '@/db/test-utils';
import { createApiTokenSchema } from '@/lib/auth/api-tokens';

const g = globalThis as unknown as { __evxDb?: Promise<DbHandle> };

/** Open it in beforeAll; `dispose()` in afterAll drops the database and gives getDb() back. */
export async function openRouteKit(
  engine: Engine,
  tokenName: string,
): Promise<{ t: TestDb; token: string; dispose: () => Promise<void> }> {
  const seeded = await openSeededDb(engine);
  const t = seeded.t;
  g.__evxDb = Promise.resolve(t);
  const input = createApiTokenSchema.parse({ name: tokenName, scope: 'read', expiresInDays: 1 });
  const token = (await createApiToken(t.db, seeded.curator.id, input)).token;
  return {
    t,
    token,
    dispose: async () => {
      g.__evxDb = undefined;
      await t.dispose();
    },
  };
}
