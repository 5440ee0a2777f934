import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, auditCsvStream } from '../../lib/audit/csv';
import type { AuditCursor } from '../../lib/audit/filters';
import { testEngines } from '../test-utils';
import { countAuditEvents, iterateAuditEvents, listAuditEvents } from './audit-log';
import { type AuditLogKit, openAuditLogKit } from './audit-log-test-kit';

describe.each(testEngines())('audit log pages on %s', (engine) => {
  let t: AuditLogKit['t'];
  let ids: AuditLogKit['ids'];
  let ev: AuditLogKit['ev'];
  let givenEvents: AuditLogKit['givenEvents'];

  beforeAll(async () => {
    ({ t, ids, ev, givenEvents } = await openAuditLogKit(engine));
  });
  afterAll(() => t?.dispose());

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
});
