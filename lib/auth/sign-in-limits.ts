/**
 * Sign-in limits. Counted per client address and per (account, address) pair — never per account
 * alone, so that failures from one place can never lock the owner out from another. An attacker
 * guessing one account from one address gets a few free tries, then a delay that doubles with
 * each further failure; an address spraying many accounts hits a cap per window.
 */
const MINUTE = 60_000;

export const SIGN_IN_LIMITS = {
  /** Failures an (account, address) pair may have before each next try must wait. */
  pairFreeFailures: 5,
  /** The wait after the first failure past the free ones; it doubles per further failure … */
  pairBaseDelayMs: MINUTE,
  /** … up to this. */
  pairMaxDelayMs: 60 * MINUTE,
  /** A pair's failures are forgotten after this, or at its next successful sign-in. */
  pairWindowMs: 24 * 60 * MINUTE,
  /** Failures (for any accounts) one address may have within the window. */
  addressMaxFailures: 30,
  addressWindowMs: 15 * MINUTE,
} as const;

export type SignInLimits = typeof SIGN_IN_LIMITS;

/**
 * What the attempt log says about an address. Attempts still being checked count as failures, so
 * that parallel attempts cannot all pass the check before any of them is recorded.
 */
export type AttemptCounts = {
  /** Failures of this pair within the pair window since its last success. */
  pairFailures: number;
  pairLastFailureAt: Date | null;
  /** Failures from this address within the address window. */
  addressFailures: number;
  addressOldestFailureAt: Date | null;
};

export type SignInDecision = { allowed: true } | { allowed: false; retryAt: Date };

/** How long a pair with this many failures waits after the last one (0: no wait). */
export function pairDelayMs(failures: number, limits: SignInLimits = SIGN_IN_LIMITS): number {
  const over = failures - limits.pairFreeFailures;
  if (over < 0) return 0;
  // Capped before exponentiation, so a huge count cannot overflow to Infinity.
  return Math.min(limits.pairBaseDelayMs * 2 ** Math.min(over, 30), limits.pairMaxDelayMs);
}

export function signInDecision(c: AttemptCounts, now: Date, limits: SignInLimits = SIGN_IN_LIMITS): SignInDecision {
  const waits: number[] = [];
  const delay = pairDelayMs(c.pairFailures, limits);
  if (delay > 0 && c.pairLastFailureAt) waits.push(c.pairLastFailureAt.getTime() + delay);
  if (c.addressFailures >= limits.addressMaxFailures && c.addressOldestFailureAt)
    waits.push(c.addressOldestFailureAt.getTime() + limits.addressWindowMs);
  const until = Math.max(0, ...waits);
  return until > now.getTime() ? { allowed: false, retryAt: new Date(until) } : { allowed: true };
}

/**
 * next-auth passes only an error string from `authorize` to the sign-in form, so the retry time
 * travels in it: `RateLimited:<seconds>`.
 */
export const RATE_LIMITED = 'RateLimited';

export function rateLimitedCode(retryAt: Date, now: Date = new Date()): string {
  return `${RATE_LIMITED}:${Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000))}`;
}

/** The sign-in form's message for a rate-limited error code; null for any other code. */
export function rateLimitedMessage(code: string | null | undefined): string | null {
  const m = /^RateLimited(?::(\d{1,7}))?$/.exec(code ?? '');
  if (!m) return null;
  const base = 'Too many failed sign-in attempts.';
  if (!m[1]) return `${base} Try again later.`;
  const seconds = Number(m[1]);
  if (seconds < 60) return `${base} Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(seconds / 60);
  return `${base} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
