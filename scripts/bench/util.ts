/**
 * Helpers shared by the benchmark (index.ts) and the load test (load.ts):
 * statistics, the result table, a production `next start` on a free port,
 * and RSS sampling of the server process from /proc.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = process.cwd();
export const bin = (n: string) => path.join(root, 'node_modules', '.bin', n);

// ---------------------------------------------------------------- statistics

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
export const median = (xs: number[]) => quantile(xs, 0.5);

/** Run `fn` `warmup` times untimed, then `runs` times; the wall times in ms. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}

export function fmtDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

// ---------------------------------------------------------------- table

export type Row = { op: string; app: string; raw: string; ratio: string; target: string; ok: boolean | null };

/** A markdown table (pastes into the README as is). */
export function renderTable(rows: Row[]): string {
  const head = ['operation', 'app', 'raw PostgreSQL', 'ratio', 'target', ''];
  const body = rows.map((r) => [r.op, r.app, r.raw, r.ratio, r.target, r.ok === null ? '–' : r.ok ? '✓' : '✗']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** app/raw for times ("3.1×"), or app/raw as a percentage for throughputs. */
export function ratioTime(app: number, raw: number): string {
  if (!Number.isFinite(app) || !Number.isFinite(raw) || raw <= 0) return 'n/a';
  const r = app / raw;
  return `${r.toFixed(r >= 10 ? 0 : r >= 0.1 ? 1 : 3)}×`;
}
export function ratioRate(app: number, raw: number): string {
  if (!Number.isFinite(app) || !Number.isFinite(raw) || raw <= 0) return 'n/a';
  return `${Math.round((100 * app) / raw)} %`;
}

// ---------------------------------------------------------------- server

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Files whose change makes a production build stale. */
function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name.endsWith('.test.ts')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(tsx?|mjs|css|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['app', 'components', 'lib', 'db']) if (existsSync(path.join(root, d))) walk(path.join(root, d));
  for (const f of ['next.config.mjs', 'proxy.ts', 'instrumentation.ts', 'instrumentation-node.ts'])
    if (existsSync(path.join(root, f))) newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
  return newest;
}

/**
 * Make sure a production build exists in `distDir` (its own folder, so a
 * concurrent `npm test` build in .next is not disturbed). Builds when missing,
 * when asked, or when sources are newer than the build.
 * Returns the build's wall time in ms (0 when reused).
 */
export function ensureBuild(distDir: string, opts: { rebuild?: boolean; log?: (s: string) => void } = {}): number {
  const log = opts.log ?? console.log;
  const buildId = path.join(root, distDir, 'BUILD_ID');
  const stale = existsSync(buildId) && newestSourceMtime() > statSync(buildId).mtimeMs;
  if (existsSync(buildId) && !opts.rebuild && !stale) {
    log(`production build: reusing ${distDir} (built ${statSync(buildId).mtime.toISOString()})`);
    return 0;
  }
  log(`production build: next build into ${distDir}${stale ? ' (sources changed since the last one)' : ''} …`);
  // next build adds its dist folder's types to tsconfig.json's include list; take out just those lines afterwards.
  const tsconfig = path.join(root, 'tsconfig.json');
  const hadOwn = readFileSync(tsconfig, 'utf8').includes(`"${distDir}/`);
  const t0 = performance.now();
  const r = spawnSync(bin('next'), ['build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '', EVX_DEMO: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const after = readFileSync(tsconfig, 'utf8');
  if (!hadOwn && after.includes(`"${distDir}/`))
    writeFileSync(
      tsconfig,
      after
        .split('\n')
        .filter((l) => !l.includes(`"${distDir}/`))
        .join('\n'),
    );
  if (r.status !== 0) {
    process.stderr.write(r.stdout?.toString() ?? '');
    process.stderr.write(r.stderr?.toString() ?? '');
    // Others may be editing the tree while we build; an earlier complete build still serves.
    if (existsSync(buildId)) {
      log(
        `next build failed (exit ${r.status}); reusing the previous build in ${distDir} (${statSync(buildId).mtime.toISOString()})`,
      );
      return performance.now() - t0;
    }
    throw new Error(`next build failed (exit ${r.status})`);
  }
  return performance.now() - t0;
}

export type Server = {
  url: string;
  port: number;
  pid: number;
  serverPid: () => number;
  stop: () => Promise<void>;
  logs: () => string;
};

/** `next start` on 127.0.0.1 against `databaseUrl` (no seeding, no demo mode). Resolves once /api/health answers 200. */
export async function startServer(opts: {
  databaseUrl: string;
  distDir: string;
  port?: number;
  poolMax?: number;
  env?: Record<string, string>;
}): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: opts.databaseUrl,
    NEXT_DIST_DIR: opts.distDir,
    NEXTAUTH_SECRET: 'bench-only-secret-not-for-production-0123456789',
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    CROSSREF_API_URL: 'http://127.0.0.1:9',
  };
  delete env.EVX_DEMO;
  Object.assign(env, opts.env ?? {});
  if (opts.poolMax) env.DATABASE_POOL_MAX = String(opts.poolMax);
  let out = '';
  const child: ChildProcess = spawn(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out = (out + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (out = (out + d).slice(-20_000)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`next start exited:\n${out}`);
    try {
      const r = await fetch(`${url}/api/health`);
      await r.arrayBuffer();
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`next start did not become healthy in 90 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  return {
    url,
    port,
    pid,
    serverPid: () => findServerPid(pid),
    logs: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => {
          for (const p of [...descendants(pid), pid]) {
            try {
              process.kill(p, 'SIGKILL');
            } catch {
              // gone
            }
          }
          resolve();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

function ppidOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …; comm may contain spaces and parentheses.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(after[1]);
  } catch {
    return null;
  }
}

/** Every process below `pid` (children, grandchildren …). */
export function descendants(pid: number): number[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const out: number[] = [];
  const frontier = [pid];
  while (frontier.length) {
    const p = frontier.pop()!;
    for (const c of all) {
      if (ppidOf(c) === p) {
        out.push(c);
        frontier.push(c);
      }
    }
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The process that serves requests: `next start` may fork a "next-server" child; else the CLI process itself. */
export function findServerPid(pid: number): number {
  const kids = descendants(pid);
  const named = kids.find((k) => /next-server|start-server/.test(cmdline(k)));
  if (named) return named;
  // The biggest node process below the CLI, else the CLI.
  let best = pid;
  let bestRss = memOf(pid).rssKb;
  for (const k of kids) {
    const m = memOf(k).rssKb;
    if (m > bestRss) {
      best = k;
      bestRss = m;
    }
  }
  return best;
}

export function memOf(pid: number): { rssKb: number; hwmKb: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const get = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
    return { rssKb: get('VmRSS'), hwmKb: get('VmHWM') };
  } catch {
    return { rssKb: NaN, hwmKb: NaN };
  }
}

/** Sample VmRSS every `everyMs` until stopped; the baseline, the peak seen, and VmHWM at the end. */
export function sampleRss(pid: number, everyMs = 20) {
  const base = memOf(pid);
  let peakKb = base.rssKb;
  const timer = setInterval(() => {
    const m = memOf(pid).rssKb;
    if (m > peakKb) peakKb = m;
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      const end = memOf(pid);
      peakKb = Math.max(peakKb, end.rssKb);
      return {
        baseMb: base.rssKb / 1024,
        peakMb: peakKb / 1024,
        growthMb: (peakKb - base.rssKb) / 1024,
        hwmMb: end.hwmKb / 1024,
      };
    },
  };
}

// ---------------------------------------------------------------- args

export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (v !== undefined) out[k] = v;
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) out[k] = argv[++i]!;
    else out[k] = true;
  }
  return out;
}
