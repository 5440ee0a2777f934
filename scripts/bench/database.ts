/** The bench database: created (or reused), migrated and filled, described, and dropped at the end. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../db/client';
import { runMigrations } from '../../db/migrate-lib';
import { loadVocabularies } from '../../db/vocab-load';
import type { BenchOptions } from './args';
import type { BenchDatabase, DbFacts, Resources, Section } from './context';
import { fillDatabase, type FillReport } from './fill';
import type { Raw } from './raw';
import { fmtInt } from './util';

export async function createBenchDatabase(opts: BenchOptions, log: (s: string) => void): Promise<BenchDatabase> {
  const db: BenchDatabase = { admin: null, name: null, url: null, pgliteDir: null };
  if (opts.pglite) {
    db.pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'evx-bench-pglite-'));
  } else {
    db.admin = await createDb({ url: opts.baseUrl, max: 1 });
    db.name = opts.reuseDb ?? `evx_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
    const u = new URL(opts.baseUrl);
    u.pathname = `/${db.name}`;
    db.url = u.toString();
    if (!opts.reuseDb) {
      await db.admin.query(`create database ${db.name}`);
      // Bulk-load settings for this database only, reset after the fill.
      await db.admin.query(`alter database ${db.name} set synchronous_commit = off`);
      await db.admin.query(`alter database ${db.name} set maintenance_work_mem = '1GB'`);
      await db.admin.query(`alter database ${db.name} set work_mem = '256MB'`);
      // JIT-compiling the fill's wide INSERT … SELECTs costs seconds per statement and buys nothing.
      await db.admin.query(`alter database ${db.name} set jit = off`);
    }
  }
  log(
    `database: ${opts.pglite ? `PGlite in ${db.pgliteDir}` : db.name}${opts.reuseDb ? ' (reused, not refilled)' : ''}`,
  );
  return db;
}

/** Migrate and fill a new database. PGlite's handle stays open as the app's (one process per data folder). */
export async function migrateAndFill(
  opts: BenchOptions,
  res: Resources,
  log: (s: string) => void,
): Promise<FillReport> {
  const { db } = res;
  const h = opts.pglite
    ? await createDb({ url: '', dataDir: db.pgliteDir! })
    : await createDb({ url: db.url!, max: 4 });
  const t0 = performance.now();
  await runMigrations(h);
  const t1 = performance.now();
  const vocab = await loadVocabularies(h.db);
  const terms = vocab.reduce((n, v) => n + v.terms, 0);
  log(
    `migrated in ${((t1 - t0) / 1000).toFixed(1)} s; vocabularies loaded in ${((performance.now() - t1) / 1000).toFixed(1)} s (${terms.toLocaleString('en-US')} terms); filling …`,
  );
  if (opts.pglite) await h.query(`set maintenance_work_mem = '512MB'`);
  const fill = await fillDatabase(h, { findings: opts.findings, log });
  if (opts.pglite) res.app = h;
  else {
    await h.close();
    await db.admin!.query(`alter database ${db.name} reset all`);
  }
  return fill;
}

/** A reused database's contents, read back in the shape a fill reports. */
export async function readFillReport(raw: Raw): Promise<FillReport> {
  const [c] = await raw.query<
    Record<string, string>
  >(`select (select count(*) from findings) f, (select count(*) from findings where approved_revision_id is not null) a,
        (select count(*) from finding_revisions) r, (select count(*) from reviews) v, (select count(*) from audit_events) e, (select count(*) from sources) s`);
  const curators = await raw.query<{ id: number }>(
    `select id from users where email like 'bench.curator%' order by id`,
  );
  const reviewers = await raw.query<{ id: number }>(
    `select id from users where email like 'bench.reviewer%' order by id`,
  );
  return {
    findings: +c!.f!,
    approved: +c!.a!,
    revisions: +c!.r!,
    reviews: +c!.v!,
    auditEvents: +c!.e!,
    sources: +c!.s!,
    curators,
    reviewers,
    steps: [],
    capacity: null,
    probePublicId: '',
  };
}

export async function readDbFacts(raw: Raw): Promise<DbFacts> {
  const [ver] = await raw.query<{ v: string; jit: string; sb: string }>(
    `select version() as v, current_setting('jit') as jit, current_setting('shared_buffers') as sb`,
  );
  const [size] = await raw.query<{ s: string }>(`select pg_size_pretty(pg_database_size(current_database())) as s`);
  return { pgVersion: ver!.v.split(' on ')[0]!, jit: ver!.jit, sharedBuffers: ver!.sb, size: size!.s };
}

/** The first row of the table when the schema could not hold the findings asked for. */
export function capacitySection(fill: FillReport, asked: number): Section {
  if (fill.capacity === null) return { rows: [], details: [] };
  const row = {
    op: `capacity: finding no. ${fmtInt(asked)} (public id ${fill.probePublicId} is taken) → filled ${fmtInt(fill.findings)}`,
    app: `max ${fmtInt(fill.capacity)} findings`,
    raw: '–',
    ratio: '–',
    target: `${fmtInt(asked)} findings`,
    ok: false,
  };
  return { rows: [row], details: [] };
}

/** Stop the server, close the connections, and drop the database unless it is to be kept. */
export async function releaseResources(res: Resources, opts: BenchOptions, log: (s: string) => void) {
  const { db } = res;
  if (res.server) await res.server.stop();
  if (res.raw) await res.raw.close();
  if (res.app) await res.app.close();
  if (db.admin && db.name) {
    if (opts.keep || opts.reuseDb) log(`\nkept database ${db.name} (${db.url})`);
    else {
      await db.admin.query(`drop database if exists ${db.name} with (force)`);
      log(`\ndropped database ${db.name}`);
    }
    await db.admin.close();
  }
  if (db.pgliteDir && !opts.keep) rmSync(db.pgliteDir, { recursive: true, force: true });
}
