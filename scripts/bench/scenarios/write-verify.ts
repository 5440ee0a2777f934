/**
 * The no-lost-update check of the write scenarios: the touched findings before the clients ran, and
 * afterwards, against what the clients were told succeeded (write-clients.ts).
 */
import type { DbHandle } from '../../../db/client';
import type { Tally, Touch } from './write-clients';

export type Before = { locks: Map<number, { lock: number; revs: number }>; auditBefore: number };

export async function snapshot(app: DbHandle, ids: number[]): Promise<Before> {
  const locks = new Map<number, { lock: number; revs: number }>();
  for (const r of await app.query<{ id: number; lock: number; revs: string }>(
    `select f.id, f.lock_version as lock, (select count(*) from finding_revisions r where r.finding_id = f.id) as revs from findings f where f.id = any($1::int[])`,
    [ids],
  ))
    locks.set(r.id, { lock: r.lock, revs: Number(r.revs) });
  const [a0] = await app.query<{ m: string | null }>(`select max(id) as m from audit_events`);
  return { locks, auditBefore: Number(a0!.m ?? 0) };
}

type After = { id: number; lock: number; revs: string; starts: string; approved: number | null };

/** What is wrong with one finding, given what the clients were told; empty when nothing is. */
function problemsOf(a: After, b: { lock: number; revs: number }, t: Touch): string[] {
  const bad: string[] = [];
  if (a.lock - b.lock !== t.tx) bad.push(`lock_version +${a.lock - b.lock} for ${t.tx} tx`);
  // Exactly one success per lock version: the versions the successes returned are b+1 … b+tx, each once.
  const versions = [...t.versions].sort((x, y) => x - y);
  if (versions.some((v, i) => v !== b.lock + 1 + i)) bad.push(`successes returned lock versions ${versions.join(',')}`);
  if (Number(a.revs) - b.revs !== t.created) bad.push(`revisions +${Number(a.revs) - b.revs} for ${t.created} created`);
  if (Number(a.starts) !== t.created) bad.push(`${a.starts} revision_start events for ${t.created}`);
  if (t.lastApproved !== null && a.approved !== t.lastApproved)
    bad.push(`approved revision ${a.approved}, expected ${t.lastApproved}`);
  return bad;
}

/**
 * Per touched finding: every successful transaction bumped the lock version exactly once and got a version
 * no other success got; every created revision is there, with its revision_start audit event; the approved
 * revision is the one the last approval was told about. A finding failing any of these is a lost update.
 */
export async function verify(app: DbHandle, tally: Tally, before: Before) {
  const touchedIds = [...tally.touched.keys()];
  const after = await app.query<After>(
    `select f.id, f.lock_version as lock, f.approved_revision_id as approved,
       (select count(*) from finding_revisions r where r.finding_id = f.id) as revs,
       (select count(*) from audit_events e where e.entity = 'finding' and e.entity_id = f.id::text and e.action = 'finding.revision_start' and e.id > $2) as starts
     from findings f where f.id = any($1::int[])`,
    [touchedIds, before.auditBefore],
  );
  const allRevs = touchedIds.flatMap((id) => tally.touched.get(id)!.revisionIds);
  const [present] = await app.query<{ n: string }>(
    `select count(*) as n from finding_revisions where id = any($1::int[])`,
    [allRevs],
  );
  let lost = 0;
  const problems: string[] = [];
  for (const a of after) {
    const bad = problemsOf(a, before.locks.get(a.id)!, tally.touched.get(a.id)!);
    if (bad.length) {
      lost++;
      if (problems.length < 5) problems.push(`finding ${a.id}: ${bad.join(', ')}`);
    }
  }
  if (Number(present!.n) !== allRevs.length) {
    lost += allRevs.length - Number(present!.n);
    problems.push(`${allRevs.length - Number(present!.n)} created revisions missing`);
  }
  return { lost, problems };
}
