/**
 * `npm run bench:memory` — the app's memory on the embedded PGlite (no DATABASE_URL), as `npm run demo` runs it:
 * a fresh data folder, migrated and seeded with the demo accounts, then `next start` on a production build of
 * this tree. Prints the server's VmRSS (and VmHWM, its peak) at each point:
 *
 * - `next start` listening, before any request (Next alone: no route loaded, no database);
 * - the first request (/api/health), which opens PGlite;
 * - anonymous browsing (pages, a search, the list API, a finding);
 * - signed in (argon2 checks the password; the curator's pages);
 * - after CSV, JSON and NDJSON exports of every approved finding;
 *
 * and, for comparison, an empty node process and PGlite opened alone by db/client.ts's createDb on the same
 * folder (memory-probe.ts). With --findings N the folder is filled set-based with N findings (scripts/bench/fill.ts)
 * instead of seeded, and the signed-in step is skipped (the fill makes no accounts).
 *
 * Flags: --dist-dir .next-mem --port 3801 --findings 0 --rebuild, or --reuse-build (take the build in --dist-dir as it
 * is, however old: for comparing runs of one build; it says so in the output)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../db/client';
import { parseArgs } from './args';
import { fillDatabase } from './fill';
import { type Browser, browseAnonymously, browseSignedIn, exportAll } from './memory-http';
import { memOf } from './proc';
import { type Started, startNext } from './memory-server';
import { ensureBuild } from './server';
import { fmtInt } from './util';

const root = process.cwd();
const bin = (n: string) => path.join(root, 'node_modules', '.bin', n);
const log = (s: string) => console.log(s);
const mb = (kb: number) => (kb / 1024).toFixed(0);

type Options = { distDir: string; port: number; findings: number; rebuild: boolean; reuseBuild: boolean };

function options(): Options {
  const a = parseArgs(process.argv.slice(2));
  const findings = Number(a.findings ?? 0);
  if (!Number.isInteger(findings) || findings < 0) throw new Error('--findings must be a whole number ≥ 0');
  return {
    distDir: typeof a['dist-dir'] === 'string' ? a['dist-dir'] : '.next-mem',
    port: Number(a.port ?? 3801),
    findings,
    rebuild: a.rebuild === true,
    reuseBuild: a['reuse-build'] === true,
  };
}

function appEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EVX_DEMO: '1',
    PGLITE_DATA_DIR: dataDir,
    NEXTAUTH_SECRET: 'bench-only-secret-not-for-production-0123456789',
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    CROSSREF_API_URL: 'http://127.0.0.1:9',
    EUROPEPMC_API_URL: 'http://127.0.0.1:9',
  };
  delete env.DATABASE_URL;
  return env;
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(bin('tsx'), args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`tsx ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

async function prepare(opts: Options, env: NodeJS.ProcessEnv) {
  if (opts.findings === 0) {
    run(['db/migrate.ts'], env);
    run(['db/seed.ts'], env);
    return 'the demo seed';
  }
  run(['db/migrate.ts'], env); // the fill takes its terms from the vocabularies migrate loads
  const h = await createDb({ url: '', dataDir: env.PGLITE_DATA_DIR });
  try {
    await fillDatabase(h, { findings: opts.findings, log: () => {} });
  } finally {
    await h.close();
  }
  return `${fmtInt(opts.findings)} findings (fill.ts)`;
}

/** An empty node process, and PGlite opened by createDb in a node process of its own (memory-probe.ts). */
function comparisons(env: NodeJS.ProcessEnv): string[][] {
  const probe = (kind: 'empty' | 'pglite') =>
    JSON.parse(run(['scripts/bench/memory-probe.ts', kind], env).trim().split('\n').pop()!) as {
      before: { rssKb: number };
      after: { rssKb: number; hwmKb: number };
      settings?: string;
    };
  const empty = spawnSync(process.execPath, ['-e', 'console.log(process.memoryUsage().rss)'], { encoding: 'utf8' });
  const e = probe('empty');
  const p = probe('pglite');
  return [
    ['node, empty', `${(Number(empty.stdout) / 2 ** 20).toFixed(0)}`, '–', ''],
    ['tsx, empty (the probes run under tsx)', mb(e.after.rssKb), mb(e.after.hwmKb), ''],
    [
      'tsx + PGlite (createDb, a pg_trgm query)',
      mb(p.after.rssKb),
      mb(p.after.hwmKb),
      `+${mb(p.after.rssKb - p.before.rssKb)} over tsx; ${p.settings ?? ''}`,
    ],
  ];
}

async function measure(opts: Options, env: NodeJS.ProcessEnv, signIn: boolean): Promise<string[][]> {
  const rows: string[][] = [];
  let server: Started | null = null;
  try {
    server = await startNext({ distDir: opts.distDir, port: opts.port, env });
    const point = (name: string, note = '') => {
      const m = memOf(server!.serverPid());
      const tree = server!.treeRssKb();
      rows.push([name, mb(m.rssKb), mb(m.hwmKb), `${note}${tree !== m.rssKb ? ` (process tree ${mb(tree)})` : ''}`]);
    };
    point('next start, no request yet');
    const b: Browser = { url: server.url, cookie: '' };
    const health = await fetch(`${b.url}/api/health`);
    await health.arrayBuffer();
    if (!health.ok) throw new Error(`/api/health answered ${health.status}`);
    point('first request (/api/health opens PGlite)');
    point('anonymous browsing', await browseAnonymously(b));
    if (signIn) point('signed in as the curator, browsing', await browseSignedIn(b));
    point('exports (CSV, JSON, NDJSON)', await exportAll(b));
    await new Promise((r) => setTimeout(r, 5_000));
    point('5 s later, idle');
  } finally {
    await server?.stop();
  }
  return rows;
}

/** A markdown table, first row the header. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function main() {
  const opts = options();
  const buildId = path.join(root, opts.distDir, 'BUILD_ID');
  if (opts.reuseBuild && existsSync(buildId))
    log(
      `production build: ${opts.distDir} as built ${statSync(buildId).mtime.toISOString()} (--reuse-build: not checked against the sources)`,
    );
  else ensureBuild(opts.distDir, { env: process.env, rebuild: opts.rebuild, log });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evx-memory-'));
  try {
    const env = appEnv(path.join(dir, 'pglite'), opts.port);
    const what = await prepare(opts, env);
    const rows = [['point', 'RSS MB', 'peak (VmHWM) MB', 'note'], ...comparisons(env)];
    rows.push(...(await measure(opts, env, opts.findings === 0)));
    log(`\nMemory on PGlite: ${what}; build ${opts.distDir}\n`);
    log(table(rows));
    const load = os.loadavg().map((x) => x.toFixed(1));
    log(
      `\n${os.cpus().length} cores, load average ${load.join(' ')}; Node ${process.version}; ${new Date().toISOString()}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
