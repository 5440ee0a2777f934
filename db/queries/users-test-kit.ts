/** What the users and sign-in tests share: a seeded database, its people's ids, and helpers over them. */
import type { Engine } from '../client';
import { IMPORT_USER_EMAIL } from '../seed-lib';
import { countOf, openSeededDb, userIdByEmail } from '../test-utils';
import { createUser } from './users';

/** A fresh seeded database as `t`, the seeded people's ids, and helpers over them; `t.dispose()` drops it. */
export async function openUsersKit(engine: Engine) {
  const { t, admin, curator, reviewer, reviewer2 } = await openSeededDb(engine);
  const ids = {
    admin: admin.id,
    curator: curator.id,
    reviewer: reviewer.id,
    reviewer2: reviewer2.id,
    system: await userIdByEmail(t, IMPORT_USER_EMAIL),
  };

  const auditFor = (action: string, entityId: number) =>
    t.query<{ actor_id: number | null; entity: string; detail: Record<string, unknown> }>(
      `select actor_id, entity, detail from audit_events where action = $1 and entity_id = $2 order by id`,
      [action, String(entityId)],
    );

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

  const count = (text: string, params?: unknown[]) => countOf(t, text, params);

  return { t, ids, auditFor, countOf: count, newUser, userRow };
}
