import { and, eq, gt, sql } from 'drizzle-orm';
import { type AttemptCounts, SIGN_IN_LIMITS, signInDecision } from '../../lib/auth/sign-in-limits';
import type { DbOrTx } from '../client';
import { loginAttempts } from '../schema';
import { recordAudit } from './audit';

export type AttemptSlot = { ok: true; attemptId: number } | { ok: false; retryAt: Date };

/** What the log says about this address and this (account, address) pair at `now`. */
async function attemptCounts(tx: DbOrTx, account: string, addressKey: string, now: Date): Promise<AttemptCounts> {
  const pairSince = new Date(now.getTime() - SIGN_IN_LIMITS.pairWindowMs);
  const addressSince = new Date(now.getTime() - SIGN_IN_LIMITS.addressWindowMs);
  const since = pairSince < addressSince ? pairSince : addressSince;
  const lastSuccess = sql`(select coalesce(max(${loginAttempts.id}), 0) from ${loginAttempts}
    where ${loginAttempts.ip} = ${addressKey} and ${loginAttempts.email} = ${account} and ${loginAttempts.succeeded})`;
  const inPair = and(
    eq(loginAttempts.email, account),
    gt(loginAttempts.id, lastSuccess),
    gt(loginAttempts.at, pairSince),
  );
  const inAddress = gt(loginAttempts.at, addressSince);
  const [row] = await tx
    .select({
      pairFailures: sql`count(*) filter (where ${inPair})`.mapWith(Number),
      pairLastFailureAt: sql`max(${loginAttempts.at}) filter (where ${inPair})`.mapWith(loginAttempts.at),
      addressFailures: sql`count(*) filter (where ${inAddress})`.mapWith(Number),
      addressOldestFailureAt: sql`min(${loginAttempts.at}) filter (where ${inAddress})`.mapWith(loginAttempts.at),
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, addressKey),
        gt(loginAttempts.at, since),
        // Failed, or still being checked.
        sql`${loginAttempts.succeeded} is not true`,
      ),
    );
  return {
    pairFailures: row?.pairFailures ?? 0,
    pairLastFailureAt: row?.pairLastFailureAt ?? null,
    addressFailures: row?.addressFailures ?? 0,
    addressOldestFailureAt: row?.addressOldestFailureAt ?? null,
  };
}

/**
 * Check the limits and, when they allow it, record the attempt as in progress — atomically: a
 * transaction-scoped advisory lock on the address serializes every check-and-record from that
 * address (the pair's attempts are a subset of the address's), and each statement after the lock
 * sees what the previous holder committed. So N parallel attempts evaluate exactly as many as the
 * limits allow, on a server and on PGlite alike. The password is checked after the lock is gone.
 */
export async function reserveSignInAttempt(
  db: DbOrTx,
  account: string,
  addressKey: string,
  now: Date = new Date(),
): Promise<AttemptSlot> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`evx:sign-in:${addressKey}`}, 0))`);
    const decision = signInDecision(await attemptCounts(tx, account, addressKey, now), now);
    if (!decision.allowed) return { ok: false, retryAt: decision.retryAt };
    const [row] = await tx
      .insert(loginAttempts)
      .values({ email: account, ip: addressKey, succeeded: null, at: now })
      .returning({ id: loginAttempts.id });
    return { ok: true, attemptId: row!.id };
  });
}

/** Record how a reserved attempt ended; a successful one also goes to the audit log. */
export async function settleSignInAttempt(
  db: DbOrTx,
  attemptId: number,
  outcome: { succeeded: false } | { succeeded: true; userId: number; address: string },
): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: outcome.succeeded }).where(eq(loginAttempts.id, attemptId));
  if (outcome.succeeded)
    await recordAudit(db, {
      actorId: outcome.userId,
      action: 'auth.sign_in',
      entity: 'user',
      entityId: outcome.userId,
      detail: { ip: outcome.address },
    });
}
