/**
 * Writes: the round trips of one transaction of each kind, counted on the wire; then concurrent clients
 * through the app's domain functions for a fixed time, on disjoint findings and then contending for a few,
 * each followed by a check of every finding they touched (no lost update); then pgbench running the same
 * transactions as plain SQL. A write error or a lost update sets a failing exit code (the table still prints).
 */
import type { DbHandle } from '../../../db/client';
import { appHandle, type BenchContext, type Section } from '../context';
import type { FillReport } from '../fill';
import { type PgbenchResult, runPgbench } from '../pgbench';
import { fmtInt, fmtMs, median, quantile, ratioRate, ratioTime } from '../util';
import { newTally, runClient, type Tally } from './write-clients';
import { fmtRoundTrips, measureRoundTrips, type RoundTrips } from './write-round-trips';
import { snapshot, verify } from './write-verify';

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
    cycles: cycleLat.length,
    conflicts: tally.conflicts,
    conflictKinds: tally.conflictKinds,
    otherErrors: tally.otherErrors,
    lost: checked.lost,
    problems: checked.problems,
  };
}
type WriteResult = ReturnType<typeof summarize>;
type Mode = { name: 'disjoint' | 'contention'; ids: number[]; seconds: number };

async function measureWrites(ctx: BenchContext, mode: Mode): Promise<WriteResult> {
  const { clients } = ctx.opts;
  const app = appHandle(ctx);
  const shared = mode.name === 'contention';
  ctx.log(
    `\nwrites (${mode.name}): ${clients} clients × (saveDraft + submitFinding by a curator, decide(approve) by a reviewer) ` +
      `${shared ? `on ${mode.ids.length} shared findings` : 'each on findings of its own'} for ${mode.seconds} s …`,
  );
  const before = await snapshot(app, mode.ids);
  const tally = newTally();
  const deadline = performance.now() + mode.seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, (_, c) =>
      runClient(app, ctx.fill, { c, clients, deadline, shared }, mode.ids, tally),
    ),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const res = summarize(tally, elapsed, await verify(app, tally, before));
  const { conflicts, conflictKinds, otherErrors, lost, problems } = res;
  ctx.log(
    `  ${fmtInt(res.ok)} transactions in ${elapsed.toFixed(1)} s → ${fmtInt(res.tps)} tx/s (${fmtInt(res.cycles)} edit→approve cycles); p50 ${fmtMs(res.p50)}, p95 ${fmtMs(res.p95)}; ` +
      `${conflicts} conflicts ${JSON.stringify(conflictKinds)}, ${otherErrors} other errors; verification: ${lost} lost updates${problems.length ? ` — ${problems.join('; ')}` : ''}`,
  );
  if (otherErrors || lost) {
    ctx.log(`  FAILED: ${otherErrors} write errors, ${lost} lost updates (the bench exits non-zero)`);
    process.exitCode = 1;
  }
  return res;
}

function detailOf(name: string, res: WriteResult): string {
  return (
    `writes (${name}): ${Object.entries(res.byKind)
      .map(([k, v]) => `${k} ${fmtInt(v.n)} tx, p50 ${fmtMs(v.p50)}, p95 ${fmtMs(v.p95)}`)
      .join('; ')}; ${fmtInt(res.cycles)} complete edit→submit→approve cycles on ${fmtInt(res.findings)} findings; ` +
    `${res.conflicts} conflicts ${JSON.stringify(res.conflictKinds)}; ` +
    `verified per finding: lock_version increments = successful tx, one success per lock version, revision count and revision_start audit events = revisions created, approved revision = the last approval's`
  );
}

type Measured = { disjoint: WriteResult; contention: WriteResult; roundTrips: RoundTrips | null };

function writeRows(ctx: BenchContext, m: Measured, pgb: PgbenchResult | null) {
  const { disjoint: writes, contention } = m;
  return [
    {
      op: `writes: ${ctx.opts.clients} clients edit → submit → approve, tx/s (pgbench: the same three tx)`,
      app: `${fmtInt(writes.tps)} tx/s`,
      raw: pgb ? `${fmtInt(pgb.tps)} tx/s` : 'n/a',
      ratio: pgb ? ratioRate(writes.tps, pgb.tps) : 'n/a',
      target: '≥ 60 % of pgbench',
      ok: pgb ? writes.tps >= 0.6 * pgb.tps : null,
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
      op: 'writes: round trips per transaction (saveDraft, submitFinding, decide)',
      app: m.roundTrips
        ? (['saveDraft', 'submitFinding', 'decide'] as const).map((k) => m.roundTrips![k].median).join(' / ')
        : 'n/a',
      raw: pgb ? pgb.roundTrips : 'n/a',
      ratio: '–',
      target: '–',
      ok: null,
    },
    ...[writes, contention].map((w, i) => ({
      op: `writes${i ? ' with contention' : ''}: lost updates (${fmtInt(w.ok)} tx on ${fmtInt(w.findings)} findings, ${fmtInt(w.conflicts)} conflicts)`,
      app: String(w.lost),
      raw: '–',
      ratio: '–',
      target: '0',
      ok: w.lost === 0 && w.otherErrors === 0,
    })),
  ];
}

/** The app's writes (round trips, disjoint, contention), then pgbench (server only) on the same database. */
export async function writesScenario(
  ctx: BenchContext,
): Promise<Section & { writes: Measured; pgbench: PgbenchResult | null }> {
  const { fill } = ctx;
  const url = ctx.res.db.url;
  const ids = await pickFindings(appHandle(ctx), fill, ctx.opts.clients);
  // Separate findings for each part: the round-trip count's, the contended ones, the rest for the disjoint clients.
  const rtIds = ids.slice(0, 23);
  const hot = ids.slice(23, 23 + Math.max(2, Math.floor(ctx.opts.clients / 2)));
  const rest = ids.slice(23 + hot.length);
  const roundTrips = url ? await measureRoundTrips(url, fill, rtIds) : null;
  if (roundTrips)
    ctx.log(`\nwrites: round trips per transaction, counted on the wire (one client): ${fmtRoundTrips(roundTrips)}`);
  const disjoint = await measureWrites(ctx, { name: 'disjoint', ids: rest, seconds: ctx.opts.writeSeconds });
  const contention = await measureWrites(ctx, {
    name: 'contention',
    ids: hot,
    seconds: Math.max(5, Math.round(ctx.opts.writeSeconds / 2)),
  });
  const pgb =
    !ctx.opts.noPgbench && url
      ? runPgbench(ctx, { url, maxId: fill.findings, author: fill.curators[0]!.id, reviewer0: fill.reviewers[0]!.id })
      : null;
  const m: Measured = { disjoint, contention, roundTrips };
  const details = [detailOf('disjoint', disjoint), detailOf('contention', contention)];
  if (roundTrips)
    details.push(
      `writes: round trips per transaction on the wire (median over ${roundTrips.saveDraft.n} cycles on one warm connection): ${fmtRoundTrips(roundTrips)}`,
    );
  return { rows: writeRows(ctx, m, pgb), details, writes: m, pgbench: pgb };
}
