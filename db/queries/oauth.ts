import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { users } from '../schema';
import { recordAudit } from './audit';

/**
 * Link an OAuth sign-in to a local account. Accounts are created by admins
 * (invite), so OAuth only signs in an existing, enabled account matched by
 * ORCID iD or verified email; it never creates one.
 */
export async function findOrCreateOAuthUser(
  db: Db,
  p: { provider: string; email: string | null; name: string | null; orcid: string | null },
): Promise<{ id: number } | null> {
  const match = p.orcid
    ? eq(users.orcid, p.orcid)
    : p.email
      ? eq(sql`lower(${users.email})`, p.email.toLowerCase())
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
    detail: { provider: p.provider },
  });
  return { id: u.id };
}
