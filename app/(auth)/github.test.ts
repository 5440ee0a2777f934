import { afterEach, describe, expect, it, vi } from 'vitest';
import { gitHubProvider } from './github';

type Merged = {
  userinfo: { request: (ctx: unknown) => Promise<Record<string, unknown>> };
  profile: (p: Record<string, unknown>) => { id: string; email: string | null };
};

/** Our provider as next-auth merges it, run through a sign-in with these answers from GitHub. */
async function signInProfile(user: Record<string, unknown>, emails: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      expect(url).toBe('https://api.github.com/user/emails');
      return new Response(JSON.stringify(emails), { status: 200 });
    }),
  );
  // next-auth deep-merges a provider's `options` over its defaults (core/lib/providers.js, not exported).
  const { options, ...defaults } = gitHubProvider('id', 'secret') as unknown as Merged & { options: Partial<Merged> };
  const github = { ...defaults, ...options, userinfo: { ...defaults.userinfo, ...options.userinfo } } as Merged;
  const raw = await github.userinfo.request({
    client: { userinfo: async () => user },
    tokens: { access_token: 'gho_token' },
  });
  return github.profile(raw);
}

const USER = { id: 42, login: 'casey', name: 'Casey', avatar_url: 'https://example.org/a.png' };

describe('the GitHub provider', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the primary email only when GitHub verified it', async () => {
    const unverified = [{ email: 'curator@example.org', primary: true, verified: false }];
    expect(await signInProfile({ ...USER, email: null }, unverified)).toMatchObject({ id: '42', email: null });
    const verified = [{ email: 'curator@example.org', primary: true, verified: true }];
    expect(await signInProfile({ ...USER, email: null }, verified)).toMatchObject({ email: 'curator@example.org' });
  });

  it('never takes the public profile email in place of the verified primary one', async () => {
    const emails = [{ email: 'real@example.org', primary: true, verified: false }];
    expect(await signInProfile({ ...USER, email: 'admin@example.org' }, emails)).toMatchObject({ email: null });
  });
});
