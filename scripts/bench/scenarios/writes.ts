/**
 * Writes: concurrent clients through the app's domain functions for a fixed time, then a check of every
 * finding they touched (no lost update), then pgbench running the same transactions as plain SQL.
 */
import type { DbHandle } from '../../../db/client';
import { appHandle, type BenchContext, type Section } from '../context';
import type { FillReport } from '../fill';
import { type PgbenchResult, runPgbench } from '../pgbench';
import { fmtInt, fmtMs, median, quantile, ratioRate, ratioTime } from '../util';
import { newTally, runClient, type Tally } from './write-clients';

type Before = { locks: Map<number, { lock: number; revs: number }>; auditBefore: number };

/** Random approved findings, shuffled: clients work on disjoint ones (a collision would be a legitimate conflict, counted). */
async function pickFindings(app: DbHandle, fill: FillReport, clients: number): Promise<number[]> {
  const perClient = 4000;
  const frac = Math.min(1, (1.2 * clients * perClient) / Math.max(1, fill.approved));
  const pool = await app.query<{ id: number }>(
    `select id from findings where status = 'approved' and random() < ${frac} limit ${clients * perClient}`,
  );
  const ids = pool.map((r) => r.id);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids;
}

async function snapshot(app: DbHandle, ids: number[]): Promise<Before> {
  const locks = new Map<number, { lock: number; revs: number }>();
  for (const r of await app.query<{ id: number; lock: number; revs: string }>(
    `select f.id, f.lock_version as lock, (select count(*) from finding_revisions r where r.finding_id = f.id) as revs from findings f where f.id = any($1::int[])`,
    [ids],
  ))
    locks.set(r.id, { lock: r.lock, revs: Number(r.revs) });
  const [a0] = await app.query<{ m: string | null }>(`select max(id) as m from audit_events`);
  return { locks, auditBefore: Number(a0!.m ?? 0) };
}

/** Every successful transaction bumped the lock version exactly once, every revision is there, the audit log agrees. */
async function verify(app: DbHandle, tally: Tally, before: Before) {
  const touchedIds = [...tally.touched.keys()];
  const after = await app.query<{
    id: number;
    lock: number;
    revs: string;
    starts: string;
    approved: number | null;
    latest: number;
  }>(
    `select f.id, f.lock_version as lock, f.approved_revision_id as approved, f.latest_revision_id as latest,
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
    const b = before.locks.get(a.id)!;
    const t = tally.touched.get(a.id)!;
    const bad: string[] = [];
    if (a.lock - b.lock !== t.tx) bad.push(`lock_version +${a.lock - b.lock} for ${t.tx} tx`);
    if (Number(a.revs) - b.revs !== t.created)
      bad.push(`revisions +${Number(a.revs) - b.revs} for ${t.created} created`);
    if (Number(a.starts) !== t.created) bad.push(`${a.starts} revision_start events for ${t.created}`);
    if (t.lastApproved !== null && a.approved !== t.lastApproved)
      bad.push(`approved revision ${a.approved}, expected ${t.lastApproved}`);
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

function summarize(tally: Tally, elapsed: number, checked: { lost: number; problems: string[] }) {
  const { lat, cycleLat, touched } = tally;
  const touchedIds = [...touched.keys()];
  return {
    seconds: elapsed,
    ok: lat.length,
    tps: lat.length / elapsed,
    p50: median(lat),
    p95: quantile(lat, 0.95),
    cycleP50: median(cycleLat),
    cycleP95: quantile(cycleLat, 0.95),
    byKind: Object.fromEntries(
      Object.entries(tally.latByKind).map(([k, v]) => [k, { n: v.length, p50: median(v), p95: quantile(v, 0.95) }]),
    ),
    findings: touchedIds.length,
    cycles: touchedIds.reduce((n, id) => n + (touched.get(id)!.lastApproved !== null ? 1 : 0), 0),
    conflicts: tally.conflicts,
    conflictKinds: tally.conflictKinds,
    otherErrors: tally.otherErrors,
    lost: checked.lost,
    problems: checked.problems,
  };
}
type WriteResult = ReturnType<typeof summarize>;

async function measureWrites(ctx: BenchContext): Promise<Section & { result: WriteResult }> {
  const { clients, writeSeconds } = ctx.opts;
  const app = appHandle(ctx);
  ctx.log(
    `\nwrites: ${clients} clients × (saveDraft + submitFinding by a curator, decide(approve) by a reviewer) for ${writeSeconds} s …`,
  );
  const ids = await pickFindings(app, ctx.fill, clients);
  const before = await snapshot(app, ids);
  const tally = newTally();
  const deadline = performance.now() + writeSeconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, (_, c) => runClient(app, ctx.fill, { c, clients, deadline }, ids, tally)),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const res = summarize(tally, elapsed, await verify(app, tally, before));
  const { conflicts, conflictKinds, otherErrors, lost, problems } = res;
  ctx.log(
    `  ${fmtInt(res.ok)} transactions in ${elapsed.toFixed(1)} s → ${fmtInt(res.tps)} tx/s (${fmtInt(res.cycles)} edit→approve cycles); p50 ${fmtMs(res.p50)}, p95 ${fmtMs(res.p95)}; ` +
      `${conflicts} conflicts ${JSON.stringify(conflictKinds)}, ${otherErrors} other errors; verification: ${lost} lost updates${problems.length ? ` — ${problems.join('; ')}` : ''}`,
  );
  const detail =
    `writes: ${Object.entries(res.byKind)
      .map(([k, v]) => `${k} ${fmtInt(v.n)} tx, p50 ${fmtMs(v.p50)}, p95 ${fmtMs(v.p95)}`)
      .join('; ')}; ${fmtInt(res.cycles)} complete edit→submit→approve cycles on ${fmtInt(res.findings)} findings; ` +
    `verified per finding: lock_version increments = successful tx, revision count and revision_start audit events = revisions created, approved revision = the last edit`;
  if (otherErrors) throw new Error(`${otherErrors} write transactions failed with unexpected errors`);
  return { rows: [], details: [detail], result: res };
}

function writeRows(ctx: BenchContext, writes: WriteResult, pgb: PgbenchResult | null) {
  return [
    {
      op: `writes: ${ctx.opts.clients} clients edit → submit → approve, tx/s (pgbench: the same three tx)`,
      app: `${fmtInt(writes.tps)} tx/s`,
      raw: pgb ? `${fmtInt(pgb.tps)} tx/s` : 'n/a',
      ratio: pgb ? ratioRate(writes.tps, pgb.tps) : 'n/a',
      target: '≥ 50 % of pgbench',
      ok: pgb ? writes.tps >= 0.5 * pgb.tps : null,
    },
    {
      op: 'writes: edit → submit → approve cycle latency p50 / p95',
      app: `${fmtMs(writes.cycleP50)} / ${fmtMs(writes.cycleP95)}`,
      raw: pgb ? `${fmtMs(pgb.p50)} / ${fmtMs(pgb.p95)}` : 'n/a',
      ratio: pgb ? ratioTime(writes.cycleP95, pgb.p95) : 'n/a',
      target: '–',
      ok: null,
    },
    {
      op: `writes: lost updates (${fmtInt(writes.ok)} tx on ${fmtInt(writes.findings)} findings, ${fmtInt(writes.conflicts)} conflicts)`,
      app: String(writes.lost),
      raw: '–',
      ratio: '–',
      target: '0',
      ok: writes.lost === 0,
    },
  ];
}

/** The app's writes, then pgbench (server only) on the same database. */
export async function writesScenario(
  ctx: BenchContext,
): Promise<Section & { writes: WriteResult; pgbench: PgbenchResult | null }> {
  const w = await measureWrites(ctx);
  const { fill } = ctx;
  const url = ctx.res.db.url;
  const pgb =
    !ctx.opts.noPgbench && url
      ? runPgbench(ctx, { url, maxId: fill.findings, author: fill.curators[0]!.id, reviewer0: fill.reviewers[0]!.id })
      : null;
  return { rows: writeRows(ctx, w.result, pgb), details: w.details, writes: w.result, pgbench: pgb };
}
