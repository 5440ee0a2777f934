import { describe, expect, it } from 'vitest';
import { EnvError, isDemoMode, parseEnv } from './env';

const problems = (source: Record<string, string>) => {
  try {
    parseEnv(source);
  } catch (e) {
    if (e instanceof EnvError) return e.problems;
    throw e;
  }
  return [];
};

describe('the environment (server/env.ts)', () => {
  it('has working defaults for the quick start: nothing set means PGlite, production, no OAuth', () => {
    const e = parseEnv({});
    expect(e).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_POOL_MAX: 10,
      EXPORT_CONCURRENCY: 4,
      TRUSTED_PROXY_HOPS: 0,
      ORCID_BASE_URL: 'https://orcid.org',
    });
    expect(e.DATABASE_URL).toBeUndefined();
    expect(isDemoMode(e)).toBe(false);
    expect(isDemoMode(parseEnv({ EVX_DEMO: '1' }))).toBe(true);
    expect(isDemoMode(parseEnv({ EVX_DEMO: '0', NODE_ENV: 'development' }))).toBe(false);
  });

  it('names every malformed variable, so the server refuses to start with a clear message', () => {
    const found = problems({
      DATABASE_URL: 'mysql://x',
      DATABASE_POOL_MAX: 'lots',
      EXPORT_CONCURRENCY: '0',
      TRUSTED_PROXY_HOPS: '-1',
      NEXTAUTH_URL: 'not a url',
      NEXTAUTH_SECRET: 'short',
      CROSSREF_API_URL: 'nope',
      EVX_DEMO: 'yes',
    });
    for (const name of [
      'DATABASE_URL',
      'DATABASE_POOL_MAX',
      'EXPORT_CONCURRENCY',
      'TRUSTED_PROXY_HOPS',
      'NEXTAUTH_URL',
      'NEXTAUTH_SECRET',
      'CROSSREF_API_URL',
      'EVX_DEMO',
    ])
      expect(
        found.some((p) => p.startsWith(`${name}:`)),
        `${name} in ${JSON.stringify(found)}`,
      ).toBe(true);
  });

  it('needs OAuth client ids and secrets in pairs', () => {
    expect(problems({ GITHUB_ID: 'only-the-id' })).toEqual(['GITHUB_SECRET: GITHUB_ID and GITHUB_SECRET go together']);
    expect(problems({ ORCID_CLIENT_SECRET: 's' })).toEqual([
      'ORCID_CLIENT_SECRET: ORCID_CLIENT_ID and ORCID_CLIENT_SECRET go together',
    ]);
    expect(problems({ GITHUB_ID: 'a', GITHUB_SECRET: 'b' })).toEqual([]);
  });

  it('reads well-formed values, trimming blanks to unset', () => {
    const e = parseEnv({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/evx',
      DATABASE_POOL_MAX: '25',
      TRUSTED_PROXY_HOPS: '2',
      CROSSREF_API_URL: 'off',
      CROSSREF_MAILTO: '   ',
    });
    expect(e).toMatchObject({ DATABASE_POOL_MAX: 25, TRUSTED_PROXY_HOPS: 2, CROSSREF_API_URL: 'off' });
    expect(e.CROSSREF_MAILTO).toBeUndefined();
  });
});
