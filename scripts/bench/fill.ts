/**
 * Fill a freshly migrated database with N findings, set-based (generate_series,
 * INSERT … SELECT), in minutes:
 *
 * - users: 1 system import user, 16 curators, 16 reviewers, 1 admin (no passwords: nobody signs in);
 * - 50,000 sources (DOIs 10.5555/evx.bench.<n>), years 2005–2026;
 * - 2,000 cargo names (miR-1-3p … miR-600x-5p, proteins, lncRNAs, circRNAs, lipids, metabolites);
 * - N findings, 2–4 revisions each (mean 3), all but a draft's last one submitted;
 *   80 % approved (approved_revision_id = the last revision, approved_at spread over
 *   2013–2026 with microseconds), 10 % submitted, 10 % draft;
 * - one reviews row (approve) per revision of an approved finding (each was approved in turn);
 * - one audit event per revision (finding.create / finding.revision_start);
 * - target organs from the loaded terms table (fill-terms.ts): 65 % one of the 16 organ groups,
 *   35 % a descendant of one (brain, spinal cord, white/brown adipose tissue, bone marrow … and a
 *   long tail); donor organs, EV sources, recipient cells and models grounded to terms where the
 *   vocabularies have them, so `term_curies` holds 3–6 CURIEs per finding;
 * - the findings projection (organ, species, origin, direction, year, doi, cargo types/text,
 *   term_curies and the weighted tsvector) computed from the listed revision with refreshListing's expressions;
 * - the stored export record of every approved finding (fill-records.ts), once the rest is loaded.
 *
 * Values are deterministic functions of the finding id (hashint8), so a run is reproducible.
 * Indexes and constraints of the four big tables are dropped for the load and rebuilt from their
 * own definitions afterwards (foreign keys validated), then VACUUM ANALYZE.
 */
import type { DbHandle } from '../../db/client';
import {
  auditSql,
  CARGO_TABLE_SQL,
  cargoSql,
  COUNTS_SQL,
  findingsSql,
  FUNCTION_SQL,
  loadDropsSql,
  q,
  reviewsSql,
  revisionsSql,
  sourcesSql,
  USERS_SQL,
} from './fill-sql';
import { fillExportRecords, setRecordTriggers } from './fill-records';
import { type BenchTerms, loadBenchTerms } from './fill-terms';

export type FillOptions = {
  findings: number;
  sources?: number;
  chunk?: number;
  workers?: number;
  log?: (s: string) => void;
};
export type FillReport = {
  findings: number;
  approved: number;
  revisions: number;
  reviews: number;
  auditEvents: number;
  sources: number;
  curators: { id: number }[];
  reviewers: { id: number }[];
  steps: { step: string; ms: number }[];
  /** Set when the schema cannot hold the requested number of findings (then `findings` is this many). */
  capacity: number | null;
  /** The public id the requested N-th finding would get. */
  probePublicId: string;
};

const BIG_TABLES: readonly string[] = ['findings', 'finding_revisions', 'reviews', 'audit_events'];

type Ids = { lo: number; n: number };
type Def = { tbl: string; name: string; def: string };
/** The constraints and indexes dropped for the load, to rebuild from their own definitions. */
type Dropped = { fks: Def[]; keys: Def[]; indexes: Def[] };
type Step = (name: string, fn: () => Promise<unknown>) => Promise<void>;
/** What every part of one fill shares. */
type Filler = {
  h: DbHandle;
  log: (s: string) => void;
  step: Step;
  workers: number;
  nSources: number;
  terms: BenchTerms;
};

/** Run `tasks` on `workers` connections (a pool's concurrent queries use different connections). */
async function pool(workers: number, tasks: (() => Promise<unknown>)[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, workers) }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

function chunks(n: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let lo = 1; lo <= n; lo += size) out.push([lo, Math.min(n, lo + size - 1)]);
  return out;
}

/** A timed step, logged and recorded in `steps`. */
function stepper(steps: FillReport['steps'], log: (s: string) => void): Step {
  return async (name, fn) => {
    const t0 = performance.now();
    await fn();
    const ms = performance.now() - t0;
    steps.push({ step: name, ms });
    log(`  ${name.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
  };
}

async function insertUsers(f: Filler) {
  const { h } = f;
  await f.step('users', async () => {
    for (const s of USERS_SQL) await h.query(s);
  });
  const curators = await h.query<{ id: number }>(`select id from users where email like 'bench.curator%' order by id`);
  const reviewers = await h.query<{ id: number }>(
    `select id from users where email like 'bench.reviewer%' order by id`,
  );
  const cur: Ids = { lo: curators[0]!.id, n: curators.length };
  const rev: Ids = { lo: reviewers[0]!.id, n: reviewers.length };
  if (curators.at(-1)!.id !== cur.lo + cur.n - 1 || reviewers.at(-1)!.id !== rev.lo + rev.n - 1)
    throw new Error('bench users are not consecutive ids');
  return { curators, reviewers, cur, rev };
}

/** How many findings can the schema hold? findings.public_id is generated from the id; probe the N-th one. */
async function probeCapacity(f: Filler, N: number, creator: number) {
  const [probe] = await f.h.query<{ public_id: string }>(
    `insert into findings (id, source_id, created_by, target_organ, origin, direction, species, doi) overriding system value
     values (${N}, 1, ${creator}, 'probe', 'probe', 'probe', 'probe', 'probe') returning public_id`,
  );
  await f.h.query(`delete from findings where id = ${N}`);
  const probePublicId = probe!.public_id;
  if (probePublicId.endsWith(String(N))) return { capacity: null, n: N, probePublicId };
  // e.g. lpad(id::text, 6, '0') cuts 1000000 to "100000": from id 10^digits on, public ids repeat earlier ones.
  const digits = probePublicId.replace(/^\D+/, '').length;
  const capacity = 10 ** digits - 1;
  const n = Math.min(N, capacity);
  f.log(
    `  ! finding ${N.toLocaleString('en-US')} would get public id ${probePublicId}, a duplicate of finding ${Number(probePublicId.replace(/^\D+/, '')).toLocaleString('en-US')}: the schema holds at most ${capacity.toLocaleString('en-US')} findings; filling ${n.toLocaleString('en-US')}`,
  );
  return { capacity, n, probePublicId };
}

/** Drop the big tables' constraints and indexes for the load; keep their definitions to rebuild them. */
async function dropForLoad(f: Filler): Promise<Dropped> {
  const { h } = f;
  const sql = loadDropsSql(`array[${BIG_TABLES.map(q).join(',')}]::regclass[]`);
  const fks = await h.query<Def>(sql.fks);
  const keys = await h.query<Def>(sql.keys);
  const indexes = await h.query<Def>(sql.indexes);
  await f.step('drop indexes and constraints for the load', async () => {
    for (const c of fks) await h.query(`alter table ${c.tbl} drop constraint ${c.name}`);
    for (const c of keys) await h.query(`alter table ${c.tbl} drop constraint ${c.name}`);
    for (const i of indexes) await h.query(`drop index ${i.name}`);
  });
  return { fks, keys, indexes };
}

const isRevisionsKey = (k: Def) => k.tbl === 'finding_revisions' && /PRIMARY/.test(k.def);

/** The four big tables, chunk by chunk on `workers` connections; findings join their revisions by key, so that one comes first. */
async function loadRows(f: Filler, n: number, size: number, users: { cur: Ids; rev: Ids }, dropped: Dropped) {
  const { h, step, workers, nSources, terms } = f;
  const { cur, rev } = users;
  const parts = chunks(n, size);
  const each = (sql: (lo: number, hi: number) => string) => () =>
    pool(
      workers,
      parts.map(
        ([lo, hi]) =>
          () =>
            h.query(sql(lo, hi)),
      ),
    );
  await step(
    `finding_revisions (~${(3 * n).toLocaleString('en-US')})`,
    each((lo, hi) => revisionsSql(lo, hi, nSources, cur, terms)),
  );
  await step('finding_revisions primary key', () =>
    h.query(`alter table finding_revisions add constraint ${dropped.keys.find(isRevisionsKey)!.name} primary key (id)`),
  );
  await step(
    `findings (${n.toLocaleString('en-US')}) with projection + tsvector`,
    each((lo, hi) => findingsSql(lo, hi, nSources, cur, terms)),
  );
  await step(
    'reviews (one approve per approved revision)',
    each((lo, hi) => reviewsSql(lo, hi, rev)),
  );
  await step(
    'audit_events (one per revision)',
    each((lo, hi) => auditSql(lo, hi)),
  );
  await step('identity sequences', async () => {
    for (const t of ['findings', 'finding_revisions'])
      await h.query(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
  });
}

/** Rebuild: keys, then indexes (heaviest first, on `workers` connections), then foreign keys (NOT VALID, then validated in parallel). */
async function rebuild(f: Filler, dropped: Dropped) {
  const { h, step, workers } = f;
  const { fks, keys, indexes } = dropped;
  const keyTasks = keys.filter((k) => !isRevisionsKey(k));
  const weight = (def: string) => (/gin/i.test(def) ? 0 : /finding_revisions|audit_events/.test(def) ? 1 : 2);
  await step(`rebuild ${keyTasks.length} keys + ${indexes.length} indexes`, async () => {
    await pool(
      workers,
      keyTasks.map((k) => () => h.query(`alter table ${k.tbl} add constraint ${k.name} ${k.def}`)),
    );
    const sorted = [...indexes].sort((a, b) => weight(a.def) - weight(b.def));
    await pool(
      workers,
      sorted.map((i) => () => h.query(i.def)),
    );
  });
  await step(`rebuild + validate ${fks.length} foreign keys`, async () => {
    for (const c of fks) await h.query(`alter table ${c.tbl} add constraint ${c.name} ${c.def} not valid`);
    await pool(
      workers,
      fks.map((c) => () => h.query(`alter table ${c.tbl} validate constraint ${c.name}`)),
    );
  });
}

async function countRows(h: DbHandle) {
  const [c] = await h.query<Record<string, string | number>>(COUNTS_SQL);
  return {
    findings: Number(c!.findings),
    approved: Number(c!.approved),
    revisions: Number(c!.revisions),
    reviews: Number(c!.reviews),
    auditEvents: Number(c!.audit),
    sources: Number(c!.sources),
  };
}

export async function fillDatabase(h: DbHandle, opts: FillOptions): Promise<FillReport> {
  const log = opts.log ?? console.log;
  const N = opts.findings;
  const nSources = opts.sources ?? Math.min(50_000, Math.max(100, Math.round(N / 20)));
  const workers = h.engine === 'pglite' ? 1 : (opts.workers ?? 2);
  const size = opts.chunk ?? Math.max(5_000, Math.ceil(N / (workers * 4)));
  const steps: FillReport['steps'] = [];
  const terms = await loadBenchTerms(h);
  const f: Filler = { h, log, step: stepper(steps, log), workers, nSources, terms };

  await h.query(FUNCTION_SQL);
  await h.query(CARGO_TABLE_SQL);
  const users = await insertUsers(f);
  await f.step(`sources (${nSources.toLocaleString('en-US')}) + cargo names (2,000)`, async () => {
    await h.query(sourcesSql(nSources));
    await h.query(cargoSql());
  });
  const { capacity, n, probePublicId } = await probeCapacity(f, N, users.cur.lo);
  const dropped = await dropForLoad(f);
  await setRecordTriggers(h, false);
  await loadRows(f, n, size, users, dropped);
  await rebuild(f, dropped);
  await setRecordTriggers(h, true);
  await f.step('export_records (one per approved finding, set-based)', () =>
    fillExportRecords(h, n, Math.min(size, 20_000), workers),
  );
  await h.query('drop table bench_cargo');
  await h.query('drop function bench_u(bigint, int)');
  await f.step('vacuum analyze', () =>
    pool(
      workers,
      ['finding_revisions', 'audit_events', 'findings', 'reviews', 'sources', 'users', 'export_records'].map(
        (t) => () => h.query(`vacuum (analyze) ${t}`),
      ),
    ),
  );
  const { curators, reviewers } = users;
  return { ...(await countRows(h)), curators, reviewers, steps, capacity, probePublicId };
}
