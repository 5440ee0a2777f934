import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { actionMatch, type AuditCursor, type AuditFilters, dateRange } from '../../lib/audit/filters';
import type { AuditEventRow } from '../../lib/audit/types';
import type { DbOrTx } from '../client';
import { auditEvents, findings, users } from '../schema';

export type AuditPage = { events: AuditEventRow[]; next: AuditCursor | null };

const MAX_LIMIT = 5000;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereFor(filters: AuditFilters, cursor: AuditCursor | null): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (filters.actor) conds.push(sql`lower(${users.email}) = ${filters.actor.toLowerCase()}`);
  if (filters.action) {
    const m = actionMatch(filters.action);
    conds.push(
      m.kind === 'exact'
        ? eq(auditEvents.action, m.value)
        : sql`${auditEvents.action} like ${`${escapeLike(m.value)}%`}`,
    );
  }
  const { start, end } = dateRange(filters);
  if (start) conds.push(gte(auditEvents.at, start));
  if (end) conds.push(lt(auditEvents.at, end));
  if (cursor) conds.push(sql`(${auditEvents.at}, ${auditEvents.id}) < (${cursor.at}::timestamptz, ${cursor.id})`);
  return and(...conds);
}

// The finding behind an event, by primary key: entity_id is text, and only a finding's is numeric.
const findingJoin = sql`${findings.id} = case when ${auditEvents.entity} = 'finding' and ${auditEvents.entityId} ~ '^[0-9]{1,9}$' then ${auditEvents.entityId}::integer end`;

/**
 * One page of events, newest first, strictly older than `cursor` when given.
 * Keyset, not OFFSET: every page is an index range scan on (at desc, id desc).
 */
export async function listAuditEvents(
  db: DbOrTx,
  filters: AuditFilters,
  cursor: AuditCursor | null,
  limit: number,
): Promise<AuditPage> {
  const n = Math.max(1, Math.min(MAX_LIMIT, Math.trunc(limit)));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      // The cursor needs PostgreSQL's microseconds, which a JS Date would round away.
      atKey: sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      actorId: auditEvents.actorId,
      actorEmail: users.email,
      actorName: users.name,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      findingPublicId: findings.publicId,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(findings, findingJoin)
    .where(whereFor(filters, cursor))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(n + 1);
  const more = rows.length > n;
  const page = more ? rows.slice(0, n) : rows;
  const last = page.at(-1);
  return {
    events: page.map(({ atKey: _atKey, ...e }) => ({ ...e, id: Number(e.id) })),
    next: more && last ? { at: last.atKey, id: Number(last.id) } : null,
  };
}

export async function countAuditEvents(db: DbOrTx, filters: AuditFilters): Promise<number> {
  const base = db.select({ n: count() }).from(auditEvents);
  const q = filters.actor ? base.leftJoin(users, eq(users.id, auditEvents.actorId)) : base;
  const [row] = await q.where(whereFor(filters, null));
  return Number(row?.n ?? 0);
}

/** Every matching event, newest first, fetched `batchSize` at a time by keyset (for streaming exports). */
export async function* iterateAuditEvents(
  db: DbOrTx,
  filters: AuditFilters,
  batchSize = 1000,
): AsyncGenerator<AuditEventRow> {
  let cursor: AuditCursor | null = null;
  do {
    const page: AuditPage = await listAuditEvents(db, filters, cursor, batchSize);
    yield* page.events;
    cursor = page.next;
  } while (cursor);
}

/** The distinct actions recorded so far, by a loose index scan on (action, at) rather than a full scan. */
export async function listAuditActions(db: DbOrTx): Promise<string[]> {
  const rows = await db.execute<{ action: string }>(sql`
    with recursive a(action) as (
      (select action from audit_events order by action limit 1)
      union all
      select (select e.action from audit_events e where e.action > a.action order by e.action limit 1)
      from a where a.action is not null
    )
    select action from a where action is not null`);
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { action: string }[] }).rows;
  return list.map((r) => r.action);
}
