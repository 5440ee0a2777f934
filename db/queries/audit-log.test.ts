import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, auditCsvStream } from '../../lib/audit/csv';
import type { AuditCursor, AuditFilters } from '../../lib/audit/filters';
import { auditEvents } from '../schema';
import { IMPORT_USER_EMAIL, seedDatabase } from '../seed-lib';
import { DEMO_PASSWORD, openTestDb, type TestDb, testEngines } from '../test-utils';
import { recordAudit } from './audit';
import { countAuditEvents, iterateAuditEvents, listAuditActions, listAuditEvents } from './audit-log';

/** A timestamp with microseconds, which a JS Date cannot hold. */
const ts = (iso: string) => sql`${iso}::timestamptz`;

describe.each(testEngines())('audit log queries on %s', (engine) => {
  let t: TestDb;
  const ids: Record<string, number> = {};
  const ev: Record<string, number> = {};
  let findingId = 0;
  let findingPublicId = '';

  /** Audit events at given instants; `key` names an event's id in `ev` for later assertions. */
  async function givenEvents(
    rows: {
      key?: string;
      actorId: number | null;
      action: string;
      entity?: string;
      entityId?: string | null;
      at: string;
      detail?: Record<string, unknown>;
    }[],
  ) {
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
  }

  async function listedIds(filters: AuditFilters) {
    return (await listAuditEvents(t.db, filters, null, 1000)).events.map((e) => e.id);
  }

  beforeAll(async () => {
    t = await openTestDb(engine);
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
  });
  afterAll(() => t?.dispose());

  describe('filters', () => {
    const march = { from: '2021-02-01', to: '2021-03-31' };

    it('by date range, inclusive of whole UTC days', async () => {
      expect(await listedIds(march)).toEqual([ev.e6, ev.e5, ev.e3, ev.e2, ev.e1, ev.e4]);
      expect(await listedIds({ from: '2021-03-01', to: '2021-03-01' })).toEqual([ev.e2, ev.e1]);
      expect(await listedIds({ from: '2021-03-02', to: '2021-03-02' })).toEqual([ev.e3]);
      expect(await listedIds({ to: '2021-02-28' })).toEqual([ev.e4]);
      expect(await listedIds({ from: '2021-03-03', to: '2021-03-03' })).toEqual([ev.e6, ev.e5]);
    });

    it('by actor email, exact and case-insensitive', async () => {
      expect(await listedIds({ ...march, actor: 'Curator@Example.ORG' })).toEqual([ev.e3, ev.e2]);
      expect(await listedIds({ ...march, actor: 'admin@example.org' })).toEqual([ev.e6, ev.e1]);
      expect(await listedIds({ ...march, actor: 'curator@example' })).toEqual([]);
      expect(await countAuditEvents(t.db, { ...march, actor: 'CURATOR@example.org' })).toBe(2);
    });

    it('by exact action or a prefix, with LIKE wildcards taken literally', async () => {
      expect(await listedIds({ ...march, action: 'finding.submit' })).toEqual([ev.e3]);
      expect(await listedIds({ ...march, action: 'finding.' })).toEqual([ev.e3, ev.e2, ev.e4]);
      expect(await listedIds({ ...march, action: 'finding*' })).toEqual([ev.e3, ev.e2, ev.e4]);
      expect(await listedIds({ ...march, action: 'finding' })).toEqual([]);
      expect(await listedIds({ ...march, action: 'user_*' })).toEqual([]);
      expect(await listedIds({ ...march, action: 'user.*' })).toEqual([ev.e5]);
    });

    it('combines filters, and counts what it lists', async () => {
      const f = { action: 'finding.', actor: 'curator@example.org', from: '2021-03-02', to: '2021-03-02' };
      expect(await listedIds(f)).toEqual([ev.e3]);
      expect(await countAuditEvents(t.db, f)).toBe(1);
      expect(await countAuditEvents(t.db, march)).toBe(6);
      expect(await countAuditEvents(t.db, {})).toBe(
        Number((await t.query<{ n: number }>(`select count(*)::int as n from audit_events`))[0]!.n),
      );
    });

    it('names the actor, or none for the system, and links a finding by its public id', async () => {
      const events = (await listAuditEvents(t.db, march, null, 50)).events;
      const byId = new Map(events.map((e) => [e.id, e]));
      expect(byId.get(ev.e2!)).toMatchObject({
        actorId: ids.curator,
        actorEmail: 'curator@example.org',
        actorName: 'Casey Curator',
        action: 'finding.create',
        entity: 'finding',
        entityId: String(findingId),
        findingPublicId,
      });
      expect(byId.get(ev.e2!)!.at).toEqual(new Date('2021-03-01T23:59:59.999Z'));
      expect(byId.get(ev.e3!)!.findingPublicId).toBeNull();
      expect(byId.get(ev.e4!)).toMatchObject({
        actorId: null,
        actorEmail: null,
        actorName: null,
        findingPublicId: null,
      });
      expect(byId.get(ev.e5!)!.findingPublicId).toBeNull();
    });

    it('finds events recorded by recordAudit too', async () => {
      await recordAudit(t.db, {
        actorId: ids.admin!,
        action: 'settings.update',
        entity: 'settings',
        detail: { via: 'recordAudit' },
      });
      const [top] = (await listAuditEvents(t.db, { action: 'settings.update' }, null, 1)).events;
      expect(top).toMatchObject({ actorEmail: 'admin@example.org', detail: { via: 'recordAudit' } });
    });
  });

  describe('keyset pages', () => {
    const window = { from: '2019-05-01', to: '2019-05-31' };
    let expected: number[] = [];

    beforeAll(async () => {
      // 120 events in bursts that share a timestamp, some differing only in microseconds, inserted out of time order.
      const rows = Array.from({ length: 120 }, (_, i) => {
        const burst = Math.floor(i / 7);
        const micro = i % 7 >= 4 ? '000001' : '000000';
        const day = String(1 + ((burst * 13) % 28)).padStart(2, '0');
        return {
          actorId: i % 3 === 0 ? null : ids.curator!,
          action: `bulk.k${i % 4}`,
          at: `2019-05-${day}T10:00:00.${micro}Z`,
          detail: { i },
        };
      });
      await givenEvents(rows);
      const ordered = await t.query<{ id: number }>(
        `select id from audit_events where at >= '2019-05-01Z' and at < '2019-06-01Z' order by at desc, id desc`,
      );
      expected = ordered.map((r) => Number(r.id));
      expect(expected).toHaveLength(120);
      const [shared] = await t.query<{ n: number }>(
        `select count(*)::int as n from (select at from audit_events where at >= '2019-05-01Z' and at < '2019-06-01Z' group by at having count(*) > 1) s`,
      );
      expect(Number(shared!.n)).toBeGreaterThan(10);
    });

    it('pages of 50 cover every event exactly once, in order', async () => {
      const seen: number[] = [];
      const sizes: number[] = [];
      let cursor: AuditCursor | null = null;
      do {
        const page: Awaited<ReturnType<typeof listAuditEvents>> = await listAuditEvents(t.db, window, cursor, 50);
        sizes.push(page.events.length);
        seen.push(...page.events.map((e) => e.id));
        cursor = page.next;
      } while (cursor);
      expect(sizes).toEqual([50, 50, 20]);
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(120);
      expect(await countAuditEvents(t.db, window)).toBe(120);
    });

    it('a page boundary inside a burst of equal timestamps neither skips nor repeats', async () => {
      for (const size of [1, 6, 7, 8, 13]) {
        const seen: number[] = [];
        let cursor: AuditCursor | null = null;
        do {
          const page: Awaited<ReturnType<typeof listAuditEvents>> = await listAuditEvents(t.db, window, cursor, size);
          seen.push(...page.events.map((e) => e.id));
          cursor = page.next;
        } while (cursor);
        expect(seen, `page size ${size}`).toEqual(expected);
      }
    });

    it('a last page that is exactly full has no next cursor', async () => {
      const first = await listAuditEvents(t.db, window, null, 120);
      expect(first.events).toHaveLength(120);
      expect(first.next).toBeNull();
      const cut = await listAuditEvents(t.db, window, null, 119);
      expect(cut.next).not.toBeNull();
      expect((await listAuditEvents(t.db, window, cut.next, 50)).events.map((e) => e.id)).toEqual([expected.at(-1)]);
    });

    it('newer events written between pages do not shift the next page (unlike OFFSET)', async () => {
      const first = await listAuditEvents(t.db, window, null, 50);
      await givenEvents([{ key: 'late', actorId: null, action: 'bulk.late', at: '2019-05-31T23:00:00.000000Z' }]);
      const second = await listAuditEvents(t.db, window, first.next, 50);
      expect(second.events.map((e) => e.id)).toEqual(expected.slice(50, 100));
    });

    it('the iterator yields every matching event once, in order, batch by batch', async () => {
      const seen: number[] = [];
      for await (const e of iterateAuditEvents(t.db, { ...window, action: 'bulk.k*' }, 7)) seen.push(e.id);
      expect(seen).toEqual(expected);
      let all = 0;
      for await (const _e of iterateAuditEvents(t.db, {}, 1000)) all++;
      expect(all).toBe(await countAuditEvents(t.db, {}));
    });

    it('streams the iterator as CSV with every row and neutralized formula cells', async () => {
      await givenEvents([
        {
          key: 'evil',
          actorId: ids.admin!,
          action: '=HYPERLINK("http://evil.example")',
          at: '2018-01-01T00:00:00.000000Z',
          detail: { x: 1 },
        },
      ]);
      const text = await new Response(
        auditCsvStream(iterateAuditEvents(t.db, { from: '2018-01-01', to: '2019-05-31' }, 25)),
      ).text();
      expect(text.split('\r\n')[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => Number(r.id))).toEqual([ev.late, ...expected, ev.evil]);
      const evil = rows.at(-1)!;
      expect(evil).toMatchObject({
        action: `'=HYPERLINK("http://evil.example")`,
        actor_email: 'admin@example.org',
        detail: '{"x":1}',
        at: '2018-01-01T00:00:00.000Z',
      });
      const system = rows.find((r) => r.actor_email === '');
      expect(system?.actor_name).toBe('system');
    });
  });

  it('lists the distinct actions, sorted', async () => {
    const actions = await listAuditActions(t.db);
    const [row] = await t.query<{ a: string[] }>(
      `select array_agg(distinct action order by action) as a from audit_events`,
    );
    expect(actions).toEqual(row!.a);
    expect(actions).toContain('finding.import');
    expect(actions).toContain('settings.update');
  });
});
