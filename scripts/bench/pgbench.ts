/** pgbench running the app's edit, submit and approve transactions as plain SQL: the raw side of the writes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { listingRefresh } from '../../db/queries/listing';
import type { BenchContext } from './context';
import { fmtInt, fmtMs, median, quantile } from './util';

export type PgbenchResult = { tps: number; p50: number; p95: number; n: number; jit: string; roundTrips: string };

/** The app's connections run with JIT off (db/client.ts); pgbench's sessions get the same setting. */
export const PGBENCH_JIT = 'off';
type Target = { url: string; maxId: number; author: number; reviewer0: number };

/**
 * The raw equivalent of one edit → submit → approve cycle, as the app's three domain functions
 * run it (saveDraft, submitFinding, decide): the same three transactions, the same statements,
 * minus the checks the app makes in Node. pgbench counts a run of the script as one
 * "transaction"; the table reports 3 × that as tx/s, like the app's count.
 */
const PGBENCH_CYCLE = `
\\set fid random(1, :maxid)
\\set reviewer :reviewer0 + :client_id
BEGIN;
SELECT * FROM findings WHERE id = :fid FOR UPDATE;
INSERT INTO finding_revisions (finding_id, revision_no, based_on_revision_id, author_id, change_summary, target_organ, target_organ_label,
  origin, origin_label, direction, species, species_label, ev_source, cargo, recipient_cell, model_disease, result, study_type,
  effect_direction, mechanism, ev_type, separation_methods, particle_analysis, em_methods, markers_positive, markers_negative,
  evidence_quote, evidence_location, curator_note)
SELECT finding_id, revision_no + 1, id, :author, 'pgbench edit', target_organ, target_organ_label, origin, origin_label, direction, species,
  species_label, ev_source, cargo, recipient_cell, model_disease, result || ' (pgbench edit)', study_type, effect_direction, mechanism, ev_type,
  separation_methods, particle_analysis, em_methods, markers_positive, markers_negative, evidence_quote, evidence_location, curator_note
FROM finding_revisions WHERE id = (SELECT latest_revision_id FROM findings WHERE id = :fid)
RETURNING id AS rid \\gset
INSERT INTO audit_events (actor_id, action, entity, entity_id, detail) VALUES (:author, 'finding.revision_start', 'finding', :fid, '{"pgbench": true}');
UPDATE findings SET latest_revision_id = :rid, status = 'draft', lock_version = lock_version + 1, updated_at = now() WHERE id = :fid;
END;
BEGIN;
SELECT * FROM findings WHERE id = :fid FOR UPDATE;
SELECT * FROM finding_revisions WHERE id = :rid;
SELECT f.public_id, r.target_organ, r.recipient_cell, r.cargo FROM findings f
  JOIN finding_revisions r ON (r.id = f.approved_revision_id OR (r.id = f.latest_revision_id AND f.status = 'submitted'))
  WHERE f.source_id = (SELECT source_id FROM findings WHERE id = :fid) AND f.status <> 'rejected' AND f.id <> :fid AND r.submitted_at IS NOT NULL;
UPDATE finding_revisions SET submitted_at = now(), updated_at = now() WHERE id = :rid AND submitted_at IS NULL;
UPDATE findings SET status = 'submitted', lock_version = lock_version + 1, updated_at = now() WHERE id = :fid;
INSERT INTO audit_events (actor_id, action, entity, entity_id, detail) VALUES (:author, 'finding.submit', 'finding', :fid, '{"pgbench": true}');
END;
BEGIN;
SELECT * FROM findings WHERE id = :fid FOR UPDATE;
SELECT * FROM finding_revisions WHERE id = :rid;
SELECT reviewer_id, decision FROM reviews WHERE revision_id = :rid;
SELECT key, value FROM settings;
INSERT INTO reviews (revision_id, reviewer_id, decision, comment) VALUES (:rid, :reviewer, 'approve', '') ON CONFLICT DO NOTHING;
UPDATE findings SET status = 'approved', approved_revision_id = :rid, approved_at = now(), lock_version = lock_version + 1, updated_at = now() WHERE id = :fid;
INSERT INTO audit_events (actor_id, action, entity, entity_id, detail) VALUES
  (:reviewer, 'review.approve', 'finding', :fid, '{"pgbench": true}'), (:reviewer, 'finding.approved', 'finding', :fid, '{"pgbench": true}');
${new PgDialect({ casing: 'snake_case' }).sqlToQuery(listingRefresh(sql.raw(':fid'))).sql.trim()};
END;
`;

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
    '-c',
    String(clients),
    '-j',
    '2',
    '-T',
    String(writeSeconds),
    '-f',
    script,
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

/** Statements per transaction of a pgbench script (pgbench waits for each statement's answer before the next). */
function statementsPerTx(script: string): number[] {
  const counts: number[] = [];
  let n = 0;
  for (const line of script.split('\n').map((l) => l.trim())) {
    if (!/(;|\\gset)$/.test(line)) continue;
    n++;
    if (/^END;$/i.test(line)) {
      counts.push(n);
      n = 0;
    }
  }
  return counts;
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
    writeFileSync(script, PGBENCH_CYCLE);
    const env = pgEnv(t.url, ctx.opts.env);
    // What a session started with pgbench's environment runs with (PGOPTIONS), said in the output.
    const shown = spawnSync('psql', ['-Atc', 'show jit'], { env, encoding: 'utf8' });
    const jit = shown.status === 0 ? shown.stdout.trim() : `unknown (${shown.stderr.trim()})`;
    if (jit !== PGBENCH_JIT)
      throw new Error(`pgbench's sessions would run with jit=${jit}, the app's with jit=${PGBENCH_JIT}`);
    const roundTrips = statementsPerTx(PGBENCH_CYCLE).join(' / ');
    ctx.log(
      `\npgbench -n -c ${ctx.opts.clients} -j 2 -T ${ctx.opts.writeSeconds} -f cycle.sql (the app's edit, submit and approve transactions as plain SQL; ` +
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
