/**
 * The one place that reads `process.env`. Validated with zod when the server starts
 * (instrumentation-node.ts) and by every CLI entry point: a missing or malformed value is a
 * start-up error that names the variable, never a surprise on the first request.
 * Deliberately not `server-only`: the CLI scripts (migrate, seed, create-user) run outside Next.
 */
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((s) => s || undefined)
  .optional();
const optionalUrl = (what: string) =>
  optionalText.refine((s) => s === undefined || URL.canParse(s), { error: `must be a URL (${what})` });
const positiveInt = (fallback: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(max, { error: `must be at most ${max}` })
    .default(fallback);
const flag = z
  .enum(['0', '1', ''], { error: 'must be 1 or 0' })
  .optional()
  .transform((v) => (v === '1' ? true : v === '0' ? false : undefined));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    /** 'nodejs' or 'edge', set by Next for instrumentation. */
    NEXT_RUNTIME: optionalText,
    DATABASE_URL: optionalText.refine((s) => s === undefined || /^postgres(ql)?:\/\//.test(s), {
      error: 'must be a postgres:// URL',
    }),
    PGLITE_DATA_DIR: optionalText,
    DATABASE_POOL_MAX: positiveInt(10, 500),
    EXPORT_CONCURRENCY: positiveInt(4, 64),
    NEXTAUTH_SECRET: optionalText.refine((s) => s === undefined || s.length >= 16, {
      error: 'must be at least 16 characters',
    }),
    NEXTAUTH_URL: optionalUrl('the public URL of the app'),
    EVX_DEMO: flag,
    EVX_DEMO_PASSWORD: optionalText,
    EVX_NEW_PASSWORD: optionalText,
    GITHUB_ID: optionalText,
    GITHUB_SECRET: optionalText,
    ORCID_CLIENT_ID: optionalText,
    ORCID_CLIENT_SECRET: optionalText,
    ORCID_BASE_URL: optionalUrl('ORCID sign-in base URL').default('https://orcid.org'),
    CROSSREF_MAILTO: optionalText,
    /** A base URL, or `off`. */
    CROSSREF_API_URL: optionalText.refine((s) => s === undefined || s.toLowerCase() === 'off' || URL.canParse(s), {
      error: 'must be a URL or "off"',
    }),
    /** Europe PMC REST base URL (open-access full text), or `off`. */
    EUROPEPMC_API_URL: optionalText.refine((s) => s === undefined || s.toLowerCase() === 'off' || URL.canParse(s), {
      error: 'must be a URL or "off"',
    }),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For. 0 (the default): the
     * header is ignored and the socket's peer address is the client.
     */
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be 0 or more' })
      .max(10, { error: 'must be at most 10' })
      .default(0),
    /** A second database for the test suite (defaults to DATABASE_URL). */
    TEST_DATABASE_URL: optionalText,
    /** Set by db/test-global-setup.ts: names this test run's template databases, so its teardown drops only those. */
    EVX_TEST_RUN: z
      .string()
      .regex(/^[a-z0-9]{1,16}$/, { error: 'EVX_TEST_RUN is 1-16 lower-case letters or digits.' })
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (Boolean(e.GITHUB_ID) !== Boolean(e.GITHUB_SECRET))
      ctx.addIssue({ code: 'custom', path: ['GITHUB_SECRET'], message: 'GITHUB_ID and GITHUB_SECRET go together' });
    if (Boolean(e.ORCID_CLIENT_ID) !== Boolean(e.ORCID_CLIENT_SECRET))
      ctx.addIssue({
        code: 'custom',
        path: ['ORCID_CLIENT_SECRET'],
        message: 'ORCID_CLIENT_ID and ORCID_CLIENT_SECRET go together',
      });
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parse an environment (any record of strings); throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const r = envSchema.safeParse(source);
  if (r.success) return r.data;
  throw new EnvError(r.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
}

let cached: Env | undefined;

/** This process's environment, validated once. */
export function env(): Env {
  return (cached ??= parseEnv(process.env));
}

/**
 * Demo mode: demo accounts with a known password and a generated auth secret. On when EVX_DEMO=1
 * (the quick start sets it) or in development; EVX_DEMO=0 forces it off.
 */
export function isDemoMode(e: Env = env()): boolean {
  if (e.EVX_DEMO === false) return false;
  return e.EVX_DEMO === true || e.NODE_ENV === 'development';
}

/**
 * Which runtime Next is registering instrumentation for. Read on its own, without validating the
 * rest, so that a bad environment is reported by the start-up check (instrumentation-node.ts) with
 * its message and exit code rather than thrown from the hook.
 */
export function nextRuntime(): string | undefined {
  return process.env.NEXT_RUNTIME;
}

/** The database the test suite's server runs use, if any. */
export function testDatabaseUrl(e: Env = env()): string | undefined {
  return e.TEST_DATABASE_URL ?? e.DATABASE_URL;
}

/** The test run's id (see EVX_TEST_RUN); `local` when a test file runs outside the global setup. */
export function testRunId(e: Env = env()): string {
  return e.EVX_TEST_RUN ?? 'local';
}

/** Give this process's children (test workers) a run id. Only the test global setup calls this. */
export function startTestRun(id: string): void {
  process.env.EVX_TEST_RUN = id;
}
