import GitHubProvider from 'next-auth/providers/github';
import type { Provider } from 'next-auth/providers/index';
import { GITHUB_VERIFIED_EMAIL, githubVerifiedEmail } from '@/lib/auth/oauth-identity';

/**
 * GitHub, with the email its owner verified: next-auth's provider takes the public profile email,
 * or else the primary one whether verified or not. Ours always asks `GET /user/emails` (scope
 * `user:email`) and keeps the primary email only if GitHub verified it (lib/auth/oauth-identity.ts).
 */
export function gitHubProvider(clientId: string, clientSecret: string): Provider {
  return GitHubProvider({
    clientId,
    clientSecret,
    userinfo: {
      url: 'https://api.github.com/user',
      async request({ client, tokens }) {
        const profile = await client.userinfo(tokens.access_token!);
        const res = await fetch('https://api.github.com/user/emails', {
          headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/vnd.github+json' },
        });
        return { ...profile, [GITHUB_VERIFIED_EMAIL]: res.ok ? githubVerifiedEmail(await res.json()) : null };
      },
    },
    profile(profile) {
      const p = profile as typeof profile & { [GITHUB_VERIFIED_EMAIL]?: string | null };
      return {
        id: String(p.id),
        name: p.name ?? p.login,
        email: p[GITHUB_VERIFIED_EMAIL] ?? null,
        image: p.avatar_url,
      };
    },
  });
}
