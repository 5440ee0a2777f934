/**
 * Scheduled work (`npm run jobs`, issue 13): the saved searches whose schedule is due, and the Crossref check of
 * every source not checked in the last 7 days. Each job is one `job_runs` row, `running` while it works, then
 * `ok` or `failed` with a summary and a message, so admins see it on /admin/jobs.
 *
 * When a source was last checked is read from the summaries of the last 7 days' retraction runs (`checked`
 * lists the ids each run got an answer for, "Crossref has no record" included): no column to keep in step, and
 * a run that failed half-way still counts for the sources it did check.
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { FetchCrossrefUpdatesOptions } from '../../lib/literature/crossref-updates';
import type { EuropePmcSearchOptions } from '../../lib/literature/europepmc-search';
import type { Db, DbOrTx } from '../client';
import { jobRuns, sources } from '../schema';
import { ensureImportUser } from '../system-user';
import { checkSourceUpdates } from './retraction';
import { dueSavedSearches, runSavedSearch } from './saved-searches';

export const JOBS = ['searches', 'retractions'] as const;
export type JobName = (typeof JOBS)[number];
export const RECHECK_AFTER_MS = 7 * 24 * 3600_000;

export type JobClients = { europepmc: EuropePmcSearchOptions | null; crossref: FetchCrossrefUpdatesOptions | null };
type Outcome = { status: 'ok' | 'failed'; summary?: Record<string, unknown>; message: string };
export type JobReport = Outcome & { job: JobName; id: number };

async function runSearches(db: Db, clients: JobClients, now: Date): Promise<Outcome> {
  if (!clients.europepmc)
    return { status: 'ok', summary: { skipped: 'off' }, message: 'Europe PMC is turned off (EUROPEPMC_API_URL=off).' };
  const system = await ensureImportUser(db);
  const due = await dueSavedSearches(db, now);
  const runs: { searchId: number; runId: number; ok: boolean; added: number }[] = [];
  const failures: string[] = [];
  for (const s of due) {
    const r = await runSavedSearch(db, system, s.id, 'schedule', clients.europepmc);
    runs.push({ searchId: s.id, runId: r.runId, ok: r.ok, added: r.ok ? r.added : 0 });
    if (!r.ok) failures.push(`“${s.name}”: ${r.message}`);
  }
  const added = runs.reduce((n, r) => n + r.added, 0);
  const message =
    `${due.length} search(es) due, ${runs.length - failures.length} ran, ${added} new candidate(s).` +
    (failures.length ? ` Failed: ${failures.join(' ')}` : '');
  return { status: failures.length ? 'failed' : 'ok', summary: { runs, added }, message };
}

/** Sources no retraction run of the last 7 days got an answer for, oldest first. */
export async function dueSourceChecks(db: DbOrTx, now = new Date()): Promise<number[]> {
  const recent = await db
    .select({ summary: jobRuns.summary })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, 'retractions'), gte(jobRuns.startedAt, new Date(now.getTime() - RECHECK_AFTER_MS))));
  const checked = new Set<number>();
  for (const r of recent) {
    const ids = (r.summary as { checked?: unknown }).checked;
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'number') checked.add(id);
  }
  const all = await db.select({ id: sources.id }).from(sources).orderBy(sources.id);
  return all.map((s) => s.id).filter((id) => !checked.has(id));
}

async function runRetractions(db: Db, clients: JobClients, now: Date, runId: number): Promise<Outcome> {
  if (!clients.crossref)
    return { status: 'ok', summary: { skipped: 'off' }, message: 'Crossref is turned off (CROSSREF_API_URL=off).' };
  const due = await dueSourceChecks(db, now);
  const checked: number[] = [];
  const failed: { sourceId: number; reason: string }[] = [];
  const retracted: number[] = [];
  let newUpdates = 0;
  let flagged = 0;
  for (const [i, id] of due.entries()) {
    const r = await checkSourceUpdates(db, id, clients.crossref);
    if (r.ok || r.reason === 'not_found') checked.push(id);
    else failed.push({ sourceId: id, reason: r.reason });
    if (r.ok) {
      newUpdates += r.newUpdates;
      flagged += r.flagged;
      if (r.retracted) retracted.push(id);
    }
    // Progress stays visible (and counts as checked) if the process dies half-way.
    if ((i + 1) % 100 === 0) await db.update(jobRuns).set({ summary: { checked } }).where(eq(jobRuns.id, runId));
  }
  const message =
    `${due.length} source(s) due, ${checked.length} checked, ${newUpdates} new notice(s), ` +
    `${retracted.length} newly retracted, ${flagged} flag(s) raised.` +
    (failed.length
      ? ` ${failed.length} could not be checked (${[...new Set(failed.map((f) => f.reason))].join(', ')}).`
      : '');
  return {
    status: failed.length ? 'failed' : 'ok',
    summary: { checked, failed, retracted, newUpdates, flagged },
    message,
  };
}

/** Runs the jobs (all, or `only` one), each logged in job_runs; never throws for a job's failure. */
export async function runJobs(
  db: Db,
  clients: JobClients,
  opts: { only?: JobName; now?: Date } = {},
): Promise<{ ok: boolean; reports: JobReport[] }> {
  const now = opts.now ?? new Date();
  const reports: JobReport[] = [];
  for (const job of JOBS.filter((j) => !opts.only || j === opts.only)) {
    const [run] = await db.insert(jobRuns).values({ job, status: 'running' }).returning({ id: jobRuns.id });
    const id = run!.id;
    let outcome: Outcome;
    try {
      outcome = job === 'searches' ? await runSearches(db, clients, now) : await runRetractions(db, clients, now, id);
    } catch (e) {
      console.error(`job ${job} (run ${id}) failed`, e);
      // The summary keeps what the job recorded as it went (the sources it had checked).
      outcome = { status: 'failed', message: 'The job stopped on an unexpected error; see the server log.' };
    }
    await db
      .update(jobRuns)
      .set({ ...outcome, finishedAt: sql`now()` })
      .where(eq(jobRuns.id, id));
    reports.push({ job, id, ...outcome });
  }
  return { ok: reports.every((r) => r.status === 'ok'), reports };
}

/** The newest job runs (admins' jobs page). */
export async function listRecentJobRuns(db: DbOrTx, limit = 50) {
  return db.select().from(jobRuns).orderBy(desc(jobRuns.id)).limit(limit);
}
