import { eq, sql } from 'drizzle-orm';
import type { OAuthIdentity } from '../../lib/auth/oauth-identity';
import type { DbOrTx } from '../client';
import { users } from '../schema';
import { recordAudit } from './audit';

/**
 * The local account an OAuth sign-in belongs to, or null. Accounts are created by admins (invite),
 * so OAuth only signs in an existing, enabled account; it never creates one. An ORCID sign-in
 * matches by ORCID iD only; any other by email only when the provider verified that email.
 */
export async function findOrCreateOAuthUser(db: DbOrTx, identity: OAuthIdentity): Promise<{ id: number } | null> {
  const match = identity.orcid
    ? eq(users.orcid, identity.orcid)
    : identity.email && identity.emailVerified
      ? eq(sql`lower(${users.email})`, identity.email.toLowerCase())
      : undefined;
  if (!match) return null;
  const [u] = await db
    .select({ id: users.id, disabledAt: users.disabledAt, isSystem: users.isSystem })
    .from(users)
    .where(match)
    .limit(1);
  if (!u || u.disabledAt || u.isSystem) return null;
  await recordAudit(db, {
    actorId: u.id,
    action: 'auth.sign_in',
    entity: 'user',
    entityId: u.id,
    detail: { provider: identity.provider },
  });
  return { id: u.id };
}
