import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Provider } from 'next-auth/providers/index';
import { getServerSession } from 'next-auth';
import { connection } from 'next/server';
import { authenticate } from '@/db/queries/auth';
import { findOrCreateOAuthUser } from '@/db/queries/oauth';
import { getDb } from '@/db';
import { sameOriginRedirect } from '@/lib/auth/callback';
import { clientAddress } from '@/lib/auth/client-address';
import { oauthIdentity } from '@/lib/auth/oauth-identity';
import { rateLimitedCode } from '@/lib/auth/sign-in-limits';
import type { Role } from '@/lib/vocab/terms';
import { env } from '@/server/env';
import { gitHubProvider } from './github';
import { authSecret } from './secret';

function providers(): Provider[] {
  const list: Provider[] = [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        // See lib/auth/client-address.ts for why this header, read this way, is the client's address.
        const address = clientAddress(req?.headers?.['x-forwarded-for'], env().TRUSTED_PROXY_HOPS);
        const result = await authenticate(await getDb(), credentials ?? {}, address);
        if (result.ok) return { id: String(result.user.id), email: result.user.email, name: result.user.name };
        if (result.reason === 'rate_limited') throw new Error(rateLimitedCode(result.retryAt));
        return null;
      },
    }),
  ];
  const e = env();
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push(gitHubProvider(e.GITHUB_ID, e.GITHUB_SECRET));
  if (e.ORCID_CLIENT_ID && e.ORCID_CLIENT_SECRET) {
    const base = e.ORCID_BASE_URL;
    list.push({
      id: 'orcid',
      name: 'ORCID',
      type: 'oauth',
      wellKnown: `${base}/.well-known/openid-configuration`,
      clientId: e.ORCID_CLIENT_ID,
      clientSecret: e.ORCID_CLIENT_SECRET,
      authorization: { params: { scope: 'openid' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: { sub: string; given_name?: string; family_name?: string }) {
        return {
          id: profile.sub,
          name: [profile.given_name, profile.family_name].filter(Boolean).join(' ') || profile.sub,
          email: null,
        };
      },
    });
  }
  return list;
}

let cached: NextAuthOptions | undefined;

/** Built on first use, so that building the app needs no secret. */
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

const buildAuthOptions = (): NextAuthOptions => ({
  // Credentials sign-in requires JWT sessions in next-auth 4.
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  secret: authSecret(),
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: providers(),
  callbacks: {
    // The sign-in page's rule for every redirect next-auth makes (callbackUrl, sign-out, OAuth return).
    redirect: sameOriginRedirect,
    async signIn({ user, account, profile }) {
      if (!account || account.provider === 'credentials') return true;
      const identity = oauthIdentity(account.provider, profile, account.providerAccountId);
      const local = await findOrCreateOAuthUser(await getDb(), identity);
      if (!local) return '/sign-in?error=OAuthAccountNotLinked';
      user.id = String(local.id);
      return true;
    },
    async jwt({ token, user }) {
      // Only the id matters: role and disabled state are read from the database on every request.
      if (user?.id) token.uid = Number(user.id);
      return token;
    },
    async session({ session, token }) {
      if (session.user) (session.user as { id?: number }).id = token.uid as number | undefined;
      return session;
    },
  },
});

export type SessionUser = { id: number; email: string; name: string; role: Role };

/** The user id in the session cookie, unverified against the database. */
export async function getSessionUserId(): Promise<number | null> {
  // Mark the render as per-request before touching the secret, so prerendering never needs it.
  await connection();
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}
