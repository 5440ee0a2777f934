import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFilters } from '../../lib/audit/filters';
import { testEngines } from '../test-utils';
import { recordAudit } from './audit';
import { countAuditEvents, listAuditActions, listAuditEvents } from './audit-log';
import { type AuditLogKit, openAuditLogKit } from './audit-log-test-kit';

describe.each(testEngines())('audit log queries on %s', (engine) => {
  let t: AuditLogKit['t'];
  let ids: AuditLogKit['ids'];
  let ev: AuditLogKit['ev'];
  let findingId: number;
  let findingPublicId: string;

  async function listedIds(filters: AuditFilters) {
    return (await listAuditEvents(t.db, filters, null, 1000)).events.map((e) => e.id);
  }

  beforeAll(async () => {
    ({ t, ids, ev, findingId, findingPublicId } = await openAuditLogKit(engine));
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
