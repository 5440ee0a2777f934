/** What the users and sign-in tests share: a seeded database, its people, and helpers over them. */
import type { Engine } from '../client';
import { IMPORT_USER_EMAIL, seedDatabase } from '../seed-lib';
import { openTestDb, type TestDb } from '../test-utils';
import { createUser } from './users';

/** The password the seed gives its demo accounts here. */
export const DEMO_PASSWORD = 'test-password-123';

/** The error a call fails with; fails the test when it succeeds. */
export async function failure(p: PromiseLike<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A fresh seeded database as `t`, the seeded people's ids, and helpers over them; `t.dispose()` drops it. */
export async function openUsersKit(engine: Engine) {
  const t: TestDb = await openTestDb(engine);
  await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD });
  const rows = await t.query<{ id: number; email: string }>(`select id, email from users`);
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  const idOf = (email: string) => {
    const id = byEmail.get(email);
    if (!id) throw new Error(`seeded user ${email} missing`);
    return id;
  };
  const ids = {
    admin: idOf('admin@example.org'),
    curator: idOf('curator@example.org'),
    reviewer: idOf('reviewer@example.org'),
    reviewer2: idOf('reviewer2@example.org'),
    system: idOf(IMPORT_USER_EMAIL),
  };

  const auditFor = (action: string, entityId: number) =>
    t.query<{ actor_id: number | null; entity: string; detail: Record<string, unknown> }>(
      `select actor_id, entity, detail from audit_events where action = $1 and entity_id = $2 order by id`,
      [action, String(entityId)],
    );

  const countOf = async (text: string, params: unknown[] = []) => {
    const [row] = await t.query<{ n: number }>(text, params);
    return Number(row!.n);
  };

  /** A new account (created by the seeded admin); its id. */
  const newUser = async (
    email: string,
    role: 'curator' | 'reviewer' | 'admin' = 'curator',
    password = 'right-password-1',
  ) => (await createUser(t.db, ids.admin, { email, name: email.split('@')[0]!, role, password })).id;

  const userRow = async (id: number) =>
    (
      await t.query<{ role: string; disabled: boolean }>(
        `select role::text as role, disabled_at is not null as disabled from users where id = $1`,
        [id],
      )
    )[0];

  return { t, ids, auditFor, countOf, newUser, userRow };
}
