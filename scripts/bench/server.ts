/**
 * A production `next start` on a free port of 127.0.0.1, over a build of its own (`ensureBuild`), for the
 * benchmark and the load test.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { findServerPid, stopProcessTree } from './proc';

const root = process.cwd();
const bin = (n: string) => path.join(root, 'node_modules', '.bin', n);

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
      else if (/\.(tsx?|mjs|css|json|sql)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['app', 'components', 'lib', 'db', 'server', 'drizzle'])
    if (existsSync(path.join(root, d))) walk(path.join(root, d));
  for (const f of [
    'next.config.mjs',
    'proxy.ts',
    'instrumentation.ts',
    'instrumentation-node.ts',
    'package.json',
    'package-lock.json',
  ])
    if (existsSync(path.join(root, f))) newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
  return newest;
}

/** The commit checked out (full id), or null outside a git checkout. */
function headCommit(): string | null {
  const r = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Written beside BUILD_ID after a successful build: the commit it was built from, and when it began. */
const STAMP = 'evx-build-stamp.json';
type Stamp = { commit: string | null; startedMs: number };

function readStamp(distDir: string): Stamp | null {
  try {
    return JSON.parse(readFileSync(path.join(root, distDir, STAMP), 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

/** Why the build in `distDir` cannot be reused, or null when it can. */
function staleReason(distDir: string): string | null {
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) return 'no build yet';
  const stamp = readStamp(distDir);
  if (!stamp) return 'the build does not say which commit it is';
  const head = headCommit();
  if (stamp.commit !== head)
    return `built from ${stamp.commit?.slice(0, 7) ?? 'no commit'}, HEAD is ${head?.slice(0, 7) ?? 'none'}`;
  // Against the build's start: a file saved while it ran may not be in it.
  if (newestSourceMtime() > stamp.startedMs) return 'sources changed since the last build began';
  return null;
}

/**
 * Make sure a production build of the working tree exists in `distDir` (its own folder, so a
 * concurrent `npm test` build in .next is not disturbed). Builds when missing, when asked, when it
 * was built from another commit than HEAD, or when sources are newer than it. A failed build throws:
 * an older build is never served in its place (its numbers would be another commit's).
 * Returns the build's wall time in ms (0 when reused).
 */
export function ensureBuild(
  distDir: string,
  opts: { env: NodeJS.ProcessEnv; rebuild?: boolean; log?: (s: string) => void },
): number {
  const log = opts.log ?? console.log;
  const buildId = path.join(root, distDir, 'BUILD_ID');
  const stale = opts.rebuild ? 'asked to (--rebuild)' : staleReason(distDir);
  if (!stale) {
    log(
      `production build: reusing ${distDir} (built ${statSync(buildId).mtime.toISOString()} from HEAD, no source newer)`,
    );
    return 0;
  }
  log(`production build: next build into ${distDir} (${stale}) …`);
  const stamp: Stamp = { commit: headCommit(), startedMs: Date.now() };
  // next build adds its dist folder's types to tsconfig.json's include list; take out just those lines afterwards.
  const tsconfig = path.join(root, 'tsconfig.json');
  const hadOwn = readFileSync(tsconfig, 'utf8').includes(`"${distDir}/`);
  const t0 = performance.now();
  const r = spawnSync(bin('next'), ['build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...opts.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '', EVX_DEMO: '' },
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
    // What is left in distDir is not this tree's build: make sure no later run reuses it either.
    rmSync(path.join(root, distDir, STAMP), { force: true });
    throw new Error(`next build failed (exit ${r.status ?? r.signal}); no older build is used in its place`);
  }
  writeFileSync(path.join(root, distDir, STAMP), `${JSON.stringify(stamp)}\n`);
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
  /** The environment `next start` inherits (args.ts). */
  parentEnv: NodeJS.ProcessEnv;
  env?: Record<string, string>;
}): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...opts.parentEnv,
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
    stop: () => stopProcessTree(child, () => exited),
  };
}
