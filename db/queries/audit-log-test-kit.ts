/**
 * The audit log tests' database: the seed, its people's ids, and the filter fixtures: audit events in
 * March 2021 on both sides of the day boundaries, named e1 to e6 in `ev`.
 */
import { sql } from 'drizzle-orm';
import type { Engine } from '../client';
import { auditEvents } from '../schema';
import { IMPORT_USER_EMAIL, seedDatabase } from '../seed-lib';
import { DEMO_PASSWORD, openTestDb, type TestDb } from '../test-utils';

/** A timestamp with microseconds, which a JS Date cannot hold. */
const ts = (iso: string) => sql`${iso}::timestamptz`;

/** Audit events at given instants; `key` names an event's id in `ev` for later assertions. */
export type EventRow = {
  key?: string;
  actorId: number | null;
  action: string;
  entity?: string;
  entityId?: string | null;
  at: string;
  detail?: Record<string, unknown>;
};

function eventWriter(t: TestDb, ev: Record<string, number>) {
  return async function givenEvents(rows: EventRow[]) {
    const out = await t.db
      .insert(auditEvents)
      .values(
        rows.map((r) => ({
          actorId: r.actorId,
          action: r.action,
          entity: r.entity ?? 'test',
          entityId: r.entityId ?? null,
          at: ts(r.at),
          detail: r.detail ?? {},
        })),
      )
      .returning({ id: auditEvents.id });
    rows.forEach((r, i) => {
      if (r.key) ev[r.key] = Number(out[i]!.id);
    });
    return out.map((o) => Number(o.id));
  };
}

export async function openAuditLogKit(engine: Engine) {
  const t: TestDb = await openTestDb(engine);
  const ids: Record<string, number> = {};
  const ev: Record<string, number> = {};
  let findingId = 0;
  let findingPublicId = '';

  const givenEvents = eventWriter(t, ev);

  await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD });
  const rows = await t.query<{ id: number; email: string }>(`select id, email from users`);
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  ids.admin = byEmail.get('admin@example.org')!;
  ids.curator = byEmail.get('curator@example.org')!;
  ids.reviewer = byEmail.get('reviewer@example.org')!;
  ids.system = byEmail.get(IMPORT_USER_EMAIL)!;
  const [f] = await t.query<{ id: number; public_id: string }>(
    `select id, public_id from findings order by id limit 1`,
  );
  findingId = f!.id;
  findingPublicId = f!.public_id;

  // The filter fixtures, in March 2021, on both sides of the day boundaries.
  await givenEvents([
    {
      key: 'e1',
      actorId: ids.admin!,
      action: 'settings.update',
      entity: 'settings',
      at: '2021-03-01T00:00:00.000000Z',
    },
    {
      key: 'e2',
      actorId: ids.curator!,
      action: 'finding.create',
      entity: 'finding',
      entityId: String(findingId),
      at: '2021-03-01T23:59:59.999999Z',
    },
    {
      key: 'e3',
      actorId: ids.curator!,
      action: 'finding.submit',
      entity: 'finding',
      entityId: '999999',
      at: '2021-03-02T00:00:00.000000Z',
    },
    {
      key: 'e4',
      actorId: null,
      action: 'finding.import',
      entity: 'finding',
      entityId: 'not-a-number',
      at: '2021-02-28T23:59:59.999999Z',
    },
    {
      key: 'e5',
      actorId: ids.reviewer!,
      action: 'user.role_change',
      entity: 'user',
      entityId: String(ids.curator),
      at: '2021-03-03T12:00:00.000000Z',
    },
    { key: 'e6', actorId: ids.admin!, action: 'userXrole', at: '2021-03-03T12:00:00.000000Z' },
  ]);
  return { t, ids, ev, findingId, findingPublicId, givenEvents };
}

export type AuditLogKit = Awaited<ReturnType<typeof openAuditLogKit>>;
