/** What `main` builds once and hands to every scenario (index.ts). */
import os from 'node:os';
import type { DbHandle } from '../../db/client';
import type { BenchOptions } from './args';
import type { FillReport } from './fill';
import type { Raw } from './raw';
import type { Server } from './server';
import type { Row } from './util';

export type Machine = {
  cores: number;
  cpu: string;
  ramGb: number;
  node: string;
  date: string;
  findings: number;
  engine: string;
};

export function machineFacts(opts: BenchOptions): Machine {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '?',
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
    findings: opts.findings,
    engine: opts.pglite ? 'PGlite (embedded)' : 'PostgreSQL server',
  };
}

/** The database under test: a new or reused one on the server (admin is the maintenance connection), or a PGlite folder. */
export type BenchDatabase = {
  admin: DbHandle | null;
  name: string | null;
  url: string | null;
  pgliteDir: string | null;
};

/** Everything main's `finally` releases, whatever failed. */
export type Resources = {
  db: BenchDatabase;
  /** The app's own handle; null while a PGlite data folder belongs to the server. */
  app: DbHandle | null;
  raw: Raw | null;
  server: Server | null;
};

/** The database's facts for the printed footer. */
export type DbFacts = { pgVersion: string; jit: string; sharedBuffers: string; size: string };

export type BenchContext = {
  opts: BenchOptions;
  log: (s: string) => void;
  /** performance.now() when the run began. */
  started: number;
  /** The commit measured, taken when the run began (report.ts measuredCommit). */
  commit: string;
  machine: Machine;
  res: Resources;
  raw: Raw;
  fill: FillReport;
  fillMs: number;
  dbFacts: DbFacts;
  /** os.loadavg() when measuring began. */
  loadAtStart: number[];
  /** Everything measured, keyed as in the --json file; main fills it in the order the scenarios run. */
  results: Record<string, unknown>;
};

/**
 * What a scenario adds to the printed report: its table rows and its lines under "details".
 * The exit-code contract (index.ts): a scenario that throws, or returns a section with `failed: true`
 * (an error it caught, a lost update, a missing tool), makes `npm run bench` exit 1 once the whole
 * table has printed. A scenario never hides a failure in a detail line alone.
 */
export type Section = { rows: Row[]; details: string[]; failed?: boolean };

export const emptySection = (): Section => ({ rows: [], details: [] });

/** A table row for a scenario that failed (or could not run): the reason in the app column, ✗. */
export function failedSection(what: string, e: unknown): Section {
  const message = e instanceof Error ? e.message : String(e);
  return {
    rows: [
      { op: what, app: `failed: ${message.split('\n')[0]!.slice(0, 100)}`, raw: '', ratio: '', target: '', ok: false },
    ],
    details: [`${what} failed: ${message}`],
    failed: true,
  };
}

/** The app's handle, which the scenarios use only while it is open. */
export function appHandle(ctx: BenchContext): DbHandle {
  return ctx.res.app!;
}
