import { addressKey } from '../../lib/auth/client-address';
import { DUMMY_HASH, verifyPassword } from '../../lib/auth/password';
import { signInSchema } from '../../lib/auth/schemas';
import type { Role } from '../../lib/vocab/terms';
import type { DbOrTx } from '../client';
import { reserveSignInAttempt, settleSignInAttempt } from './sign-in-attempts';
import { getUserForSignIn } from './users';

export type AuthResult =
  | { ok: true; user: { id: number; email: string; name: string; role: Role } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAt: Date };

/**
 * Check an email + password from a client address (lib/auth/client-address.ts; null when unknown).
 * Every failure looks the same to the caller (no account enumeration), except being rate limited,
 * which says so and until when.
 */
export async function authenticate(
  db: DbOrTx,
  raw: unknown,
  address: string | null,
  now: Date = new Date(),
): Promise<AuthResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;

  const slot = await reserveSignInAttempt(db, email, addressKey(address), now);
  if (!slot.ok) return { ok: false, reason: 'rate_limited', retryAt: slot.retryAt };

  const user = await getUserForSignIn(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid || user.disabledAt || user.isSystem) {
    await settleSignInAttempt(db, slot.attemptId, { succeeded: false });
    return { ok: false, reason: 'invalid' };
  }
  await settleSignInAttempt(db, slot.attemptId, { succeeded: true, userId: user.id, address: address ?? 'unknown' });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
