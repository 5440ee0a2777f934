import { countOf, type DemoActors, openSeededDb, type TestDb } from '../test-utils';
import type { Engine } from '../client';

/**
 * The discussion tests' database: the seed with its demo people, and a paper of their own to
 * record draft findings on.
 */
export async function openDiscussionKit(engine: Engine) {
  const seeded: { t: TestDb } & DemoActors = await openSeededDb(engine);
  const { t } = seeded;
  const [s] = await t.query<{ id: number }>(
    `insert into sources (doi, title, metadata_origin) values ('10.5555/discussion.test', 'A discussion test paper', 'manual') returning id`,
  );
  return {
    ...seeded,
    sourceId: s!.id,
    count: (sql: string, params: unknown[] = []) => countOf(t, sql, params),
    /** The index-th seeded approved finding. */
    seededApproved: async (index: number) =>
      (
        await t.query<{ id: number; public_id: string; lock_version: number }>(
          `select id, public_id, lock_version from findings where status = 'approved' order by id offset $1 limit 1`,
          [index],
        )
      )[0]!,
  };
}

export type DiscussionKit = Awaited<ReturnType<typeof openDiscussionKit>>;
