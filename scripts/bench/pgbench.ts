/** pgbench running the app's edit, submit and approve transactions as plain SQL: the raw side of the writes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { READ_STATEMENTS } from '../../db/queries/finding-state';
import { WRITE_STATEMENTS } from '../../db/queries/finding-writes';
import type { Statement } from '../../db/queries/statement';
import type { BenchContext } from './context';
import { fmtInt, fmtMs, median, quantile } from './util';

export type PgbenchResult = { tps: number; p50: number; p95: number; n: number; jit: string; roundTrips: string };

/** The app's connections run with JIT off (db/client.ts); pgbench's sessions get the same setting. */
export const PGBENCH_JIT = 'off';
type Target = { url: string; maxId: number; author: number; reviewer0: number };

/** A Statement's SQL with each $n replaced by the pgbench variable its placeholder is given (its own name by default). */
function asPgbench(st: Statement, vars: Record<string, string> = {}): string {
  const names = st.names;
  let text = st.query.sql;
  for (let i = names.length; i >= 1; i--) {
    const name = names[i - 1]!;
    const v = vars[name] ?? (name.startsWith('c_') ? `r_${name.slice(2)}` : name);
    text = text.replaceAll(`$${i}`, `:${v}`);
  }
  return text.replace(/\s*\n\s*/g, ' ');
}

/** What the app's finding_state read gives pgbench: f_* and r_* variables (\gset), as the app reads them. */
const readState = () => `${asPgbench(READ_STATEMENTS.state, { id: 'fid' })} \\gset`;

/**
 * The raw equivalent of one edit → submit → approve cycle, as the app's three domain functions run it
 * (saveDraft, submitFinding, decide): the same statements, generated from the app's own (db/queries/
 * finding-state.ts, finding-writes.ts) and sent as prepared statements (-M prepared) like the app's, minus
 * the checks the app makes in Node. Differences: the app reads a draft's terms by the ids in the draft
 * (terms_by_curie), pgbench by those of the latest revision (terms_of_latest, which the app runs at submit:
 * the same ids here). Clients pick findings at random, so two can meet on one: the write then applies nothing (the
 * app's conflict), and the cycle goes on from the state it reads next. The duplicate and evidence reads are drizzle's (db/queries/duplicates.ts, evidence.ts),
 * written out here; pgbench waits for each statement, where the app sends its reads together. The content
 * saved is the latest revision's (the app's edit changes the result). pgbench counts a run of the script as
 * one "transaction"; the table reports 3 × that as tx/s, like the app's count.
 */
function cycleTransactions(): string[][] {
  const w = WRITE_STATEMENTS;
  return [
    [
      readState(),
      `${asPgbench(READ_STATEMENTS.termsOfLatest, { id: 'fid' })};`,
      '\\set revno :r_revisionNo + 1',
      `${asPgbench(w.save.new, { findingId: 'fid', lockVersion: 'f_lockVersion', actorId: 'author', revisionNo: 'revno', basedOn: 'r_id', changeSummary: 'summary', editSession: 'session', c_evidenceAnchor: 'anchor', events: 'ev_start' })};`,
    ],
    [
      readState(),
      `${asPgbench(READ_STATEMENTS.termsOfLatest, { id: 'fid' })};`,
      `SELECT f.public_id, r.* FROM findings f JOIN finding_revisions r ON (r.id = f.approved_revision_id OR (r.id = f.latest_revision_id AND f.status = 'submitted')) WHERE f.source_id = :f_sourceId AND f.status <> 'rejected' AND f.id <> :fid AND r.submitted_at IS NOT NULL;`,
      `SELECT sha256, text FROM source_texts WHERE source_id = :f_sourceId ORDER BY id DESC LIMIT 1;`,
      `${asPgbench(w.submit, { findingId: 'fid', lockVersion: 'f_lockVersion', actorId: 'author', revisionId: 'r_id', changeSummary: 'r_changeSummary', evidenceAnchor: 'anchor', evidenceVerified: 'verified', events: 'ev_submit' })};`,
    ],
    [
      readState(),
      `${asPgbench(READ_STATEMENTS.reviewsOfLatest, { id: 'fid' })};`,
      `${asPgbench(READ_STATEMENTS.settings)};`,
      `${asPgbench(w.decide.publish, { findingId: 'fid', lockVersion: 'f_lockVersion', actorId: 'reviewer', revisionId: 'r_id', listed: 'r_id', events: 'ev_approve' })};`,
    ],
  ];
}

/** The values the app's statements get that pgbench cannot compute (-D). */
export const CONSTANTS: Record<string, string> = {
  summary: 'pgbench edit',
  session: 'pgbench',
  verified: 'false',
  // \\gset turns SQL NULL into an empty string, which is no JSON: the revisions' null anchor is given as JSON null.
  anchor: 'null',
  decision: 'approve',
  next: 'approved',
  comment: 'pgbench',
  ev_start: JSON.stringify([{ action: 'finding.revision_start', detail: { pgbench: true } }]),
  ev_submit: JSON.stringify([{ action: 'finding.submit', detail: { pgbench: true } }]),
  ev_approve: JSON.stringify([
    { action: 'review.approve', detail: { pgbench: true } },
    { action: 'finding.approved', detail: { pgbench: true } },
  ]),
};

export function cycleScript(): string {
  const head = ['\\set fid random(1, :maxid)', '\\set reviewer :reviewer0 + :client_id'];
  return [...head, ...cycleTransactions().flat()].join('\n') + '\n';
}

/** Round trips per transaction of the script: pgbench waits for each statement's answer before the next. */
const statementsPerTx = () => cycleTransactions().map((tx) => tx.filter((l) => !l.startsWith('\\set')).length);

function pgEnv(url: string, parent: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...parent,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: u.pathname.slice(1),
    PGOPTIONS: `${parent.PGOPTIONS ? `${parent.PGOPTIONS} ` : ''}-c jit=${PGBENCH_JIT}`,
  };
}

function pgbenchArgs(ctx: BenchContext, t: Target, script: string, dir: string): string[] {
  const { clients, writeSeconds } = ctx.opts;
  return [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(clients),
    '-j',
    '2',
    '-T',
    String(writeSeconds),
    '-f',
    script,
    ...Object.entries(CONSTANTS).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
    '-D',
    `maxid=${t.maxId}`,
    '-D',
    `author=${t.author}`,
    '-D',
    `reviewer0=${t.reviewer0}`,
    '-l',
    '--log-prefix',
    path.join(dir, 'pgb'),
  ];
}

/** Per-transaction latencies from pgbench's logs (the third field, in µs), in ms. */
function logLatencies(dir: string): number[] {
  const lat: number[] = [];
  for (const f of readdirSync(dir).filter((x) => x.startsWith('pgb'))) {
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const parts = line.split(' ');
      if (parts.length >= 3) lat.push(Number(parts[2]) / 1000);
    }
  }
  return lat;
}

export function runPgbench(ctx: BenchContext, t: Target): PgbenchResult | null {
  const which = spawnSync('sh', ['-c', 'command -v pgbench']);
  if (which.status !== 0)
    throw new Error('pgbench not found (apt-get install -y postgresql-contrib), or run the bench with --no-pgbench');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evx-pgbench-'));
  try {
    const script = path.join(dir, 'cycle.sql');
    writeFileSync(script, cycleScript());
    const env = pgEnv(t.url, ctx.opts.env);
    // What a session started with pgbench's environment runs with (PGOPTIONS), said in the output.
    const shown = spawnSync('psql', ['-Atc', 'show jit'], { env, encoding: 'utf8' });
    const jit = shown.status === 0 ? shown.stdout.trim() : `unknown (${shown.stderr.trim()})`;
    if (jit !== PGBENCH_JIT)
      throw new Error(`pgbench's sessions would run with jit=${jit}, the app's with jit=${PGBENCH_JIT}`);
    const roundTrips = statementsPerTx().join(' / ');
    ctx.log(
      `\npgbench -n -M prepared -c ${ctx.opts.clients} -j 2 -T ${ctx.opts.writeSeconds} -f cycle.sql (the app's edit, submit and approve transactions as plain SQL; ` +
        `jit=${jit} as the app's connections; one round trip per statement: ${roundTrips}) …`,
    );
    const r = spawnSync('pgbench', pgbenchArgs(ctx, t, script, dir), { env, encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`pgbench failed: ${r.stderr}\n${r.stdout}`);
    // One run of the script is three transactions.
    const tps = 3 * Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout)?.[1] ?? NaN);
    const lat = logLatencies(dir);
    const res = { tps, p50: median(lat), p95: quantile(lat, 0.95), n: lat.length, jit, roundTrips };
    ctx.log(`  ${fmtInt(tps)} tx/s; cycle p50 ${fmtMs(res.p50)}, p95 ${fmtMs(res.p95)} (${fmtInt(res.n)} cycles)`);
    return res;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
