import { DUMMY_HASH, verifyPassword } from '../../lib/auth/password';
import { signInSchema } from '../../lib/auth/schemas';
import type { Role } from '../../lib/vocab/terms';
import type { DbOrTx } from '../client';
import { getUserForSignIn, recentFailures, recordLoginAttempt, SIGN_IN_MAX_FAILURES } from './users';

export type AuthResult =
  | { ok: true; user: { id: number; email: string; name: string; role: Role } }
  | { ok: false; reason: 'invalid' | 'rate_limited' };

/**
 * Check an email + password. Every failure looks the same to the caller
 * (no account enumeration), except being rate limited, which says so.
 */
export async function authenticate(db: DbOrTx, raw: unknown, ip: string): Promise<AuthResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;

  const failures = await recentFailures(db, email, ip);
  if (failures.email >= SIGN_IN_MAX_FAILURES || failures.ip >= SIGN_IN_MAX_FAILURES)
    return { ok: false, reason: 'rate_limited' };

  const user = await getUserForSignIn(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const usable = Boolean(user && valid && !user.disabledAt && !user.isSystem);
  await recordLoginAttempt(db, email, ip, usable, usable ? user?.id : undefined);
  if (!usable || !user) return { ok: false, reason: 'invalid' };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
