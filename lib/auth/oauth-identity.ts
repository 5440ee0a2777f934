/**
 * Who an OAuth sign-in says it is, reduced to what may match a local account: an ORCID iD (the
 * ORCID provider's subject), or an email only when the provider says its owner verified it.
 * Anyone can put any address on a GitHub account; matching by an unverified one would hand them
 * the account that has that address here.
 */
import { z } from 'zod';

export type OAuthIdentity = {
  provider: string;
  name: string | null;
  /** Set only by the ORCID provider. */
  orcid: string | null;
  email: string | null;
  /** True only when the provider vouches that the email belongs to whoever signed in. */
  emailVerified: boolean;
};

const ORCID_ID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

const githubEmails = z.array(
  z.object({ email: z.string(), primary: z.boolean().optional(), verified: z.boolean().optional() }).loose(),
);

/**
 * The primary email of a GitHub account if GitHub verified it, from `GET /user/emails` (the
 * `user:email` scope); null otherwise. The profile's own `email` field is not used: it is
 * whatever the user chose to show publicly.
 */
export function githubVerifiedEmail(emails: unknown): string | null {
  const parsed = githubEmails.safeParse(emails);
  if (!parsed.success) return null;
  const primary = parsed.data.find((e) => e.primary === true);
  return primary && primary.verified === true ? primary.email.trim().toLowerCase() || null : null;
}

/** The profile field the GitHub provider's userinfo request stores the verified primary email in. */
export const GITHUB_VERIFIED_EMAIL = 'evx_verified_primary_email';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The identity of a sign-in through `provider`, from next-auth's profile and account id. */
export function oauthIdentity(provider: string, profile: unknown, providerAccountId: string): OAuthIdentity {
  const p = (profile && typeof profile === 'object' ? profile : {}) as Record<string, unknown>;
  const none: OAuthIdentity = { provider, name: null, orcid: null, email: null, emailVerified: false };
  if (provider === 'orcid') {
    const name = [text(p.given_name), text(p.family_name)].filter(Boolean).join(' ') || null;
    return { ...none, name, orcid: ORCID_ID.test(providerAccountId) ? providerAccountId : null };
  }
  if (provider === 'github') {
    const email = text(p[GITHUB_VERIFIED_EMAIL]);
    return { ...none, name: text(p.name) ?? text(p.login), email, emailVerified: email !== null };
  }
  return none;
}
