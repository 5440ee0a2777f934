/**
 * Command-line flags of `npm run bench` and `npm run bench:load`. The only place the bench reads the
 * environment: the server to use (DATABASE_URL) and the environment its child processes inherit.
 */

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

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

export type BenchOptions = {
  findings: number;
  pglite: boolean;
  keep: boolean;
  runs: number;
  rawRuns: number;
  exportRuns: number;
  /** A download that takes longer is cut off there; its rate is the rows received per second. */
  exportTimeoutS: number;
  writeSeconds: number;
  clients: number;
  distDir: string;
  noHttp: boolean;
  noPgbench: boolean;
  rebuild: boolean;
  reuseDb: string | null;
  json: string | null;
  baseUrl: string;
  /** What child processes (next build, next start, psql, pgbench) inherit. */
  env: NodeJS.ProcessEnv;
};

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const args = parseArgs(argv);
  const pglite = Boolean(args.pglite);
  return {
    findings: Number(args.findings ?? 1_000_000),
    pglite,
    keep: Boolean(args.keep),
    runs: Number(args.runs ?? 30),
    rawRuns: Number(args['raw-runs'] ?? 15),
    exportRuns: Number(args['export-runs'] ?? 2),
    exportTimeoutS: Number(args['export-timeout'] ?? 90),
    writeSeconds: Number(args['write-seconds'] ?? 20),
    clients: Number(args.clients ?? 16),
    distDir: String(args['dist-dir'] ?? '.next-bench'),
    noHttp: Boolean(args['no-http']),
    noPgbench: Boolean(args['no-pgbench']) || pglite,
    rebuild: Boolean(args.rebuild),
    reuseDb: typeof args.db === 'string' ? args.db : null,
    json: typeof args.json === 'string' ? args.json : null,
    baseUrl: env.DATABASE_URL || DEFAULT_URL,
    env,
  };
}

export type LoadOptions = {
  connections: number;
  duration: number;
  findings: number;
  pglite: boolean;
  reuseDb: string | null;
  distDir: string;
  rebuild: boolean;
  pool: number | undefined;
  /** `next start` processes on the one database; more than one go behind the round-robin proxy. */
  processes: number;
  /** Run with one process and then with `processes` (at least 2), both behind the proxy, and compare. */
  compare: boolean;
  baseUrl: string;
  env: NodeJS.ProcessEnv;
};

export function parseLoadOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): LoadOptions {
  const args = parseArgs(argv);
  return {
    connections: Number(args.connections ?? 32),
    duration: Math.min(300, Number(args.duration ?? 30)),
    findings: Number(args.findings ?? 20_000),
    pglite: Boolean(args.pglite),
    reuseDb: typeof args.db === 'string' ? args.db : null,
    distDir: String(args['dist-dir'] ?? '.next-bench'),
    rebuild: Boolean(args.rebuild),
    pool: args.pool ? Number(args.pool) : undefined,
    processes: Number(args.processes ?? (args.compare ? 2 : 1)),
    compare: Boolean(args.compare),
    baseUrl: env.DATABASE_URL || DEFAULT_URL,
    env,
  };
}
