import { describe, expect, it } from 'vitest';
import {
  type AttemptCounts,
  pairDelayMs,
  rateLimitedCode,
  rateLimitedMessage,
  SIGN_IN_LIMITS,
  signInDecision,
} from './sign-in-limits';

const MINUTE = 60_000;
const NOW = new Date('2026-03-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const none: AttemptCounts = {
  pairFailures: 0,
  pairLastFailureAt: null,
  addressFailures: 0,
  addressOldestFailureAt: null,
};

describe('pairDelayMs', () => {
  it('is free for five failures, then one minute doubling per failure, capped at an hour', () => {
    expect([0, 1, 4].map((n) => pairDelayMs(n))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10].map((n) => pairDelayMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(pairDelayMs(11)).toBe(60 * MINUTE);
    expect(pairDelayMs(1_000_000)).toBe(60 * MINUTE);
  });
});

describe('signInDecision', () => {
  it('allows a fresh pair and address', () => {
    expect(signInDecision(none, NOW)).toEqual({ allowed: true });
  });

  it('makes a pair past its free failures wait from its last failure', () => {
    const fifth = { ...none, pairFailures: 5, pairLastFailureAt: ago(30_000) };
    expect(signInDecision(fifth, NOW)).toEqual({ allowed: false, retryAt: new Date(NOW.getTime() + 30_000) });
    expect(signInDecision({ ...fifth, pairLastFailureAt: ago(MINUTE) }, NOW)).toEqual({ allowed: true });
    const seventh = { ...none, pairFailures: 7, pairLastFailureAt: ago(3 * MINUTE) };
    expect(signInDecision(seventh, NOW)).toEqual({ allowed: false, retryAt: new Date(NOW.getTime() + MINUTE) });
  });

  it('caps an address at its failures per window, until the oldest leaves the window', () => {
    const max = SIGN_IN_LIMITS.addressMaxFailures;
    const full = { ...none, addressFailures: max, addressOldestFailureAt: ago(10 * MINUTE) };
    expect(signInDecision(full, NOW)).toEqual({ allowed: false, retryAt: new Date(NOW.getTime() + 5 * MINUTE) });
    expect(signInDecision({ ...full, addressFailures: max - 1 }, NOW)).toEqual({ allowed: true });
  });

  it('answers the later of both waits', () => {
    const both: AttemptCounts = {
      pairFailures: 6,
      pairLastFailureAt: ago(0),
      addressFailures: SIGN_IN_LIMITS.addressMaxFailures,
      addressOldestFailureAt: ago(14 * MINUTE),
    };
    expect(signInDecision(both, NOW)).toEqual({ allowed: false, retryAt: new Date(NOW.getTime() + 2 * MINUTE) });
  });
});

describe('rate-limited codes and messages', () => {
  it('carries the seconds to wait, rounded up, at least one', () => {
    expect(rateLimitedCode(new Date(NOW.getTime() + 90_500), NOW)).toBe('RateLimited:91');
    expect(rateLimitedCode(NOW, NOW)).toBe('RateLimited:1');
  });

  it.each([
    ['RateLimited:1', 'Too many failed sign-in attempts. Try again in 1 second.'],
    ['RateLimited:45', 'Too many failed sign-in attempts. Try again in 45 seconds.'],
    ['RateLimited:60', 'Too many failed sign-in attempts. Try again in 1 minute.'],
    ['RateLimited:61', 'Too many failed sign-in attempts. Try again in 2 minutes.'],
    ['RateLimited:3600', 'Too many failed sign-in attempts. Try again in 60 minutes.'],
    ['RateLimited', 'Too many failed sign-in attempts. Try again later.'],
  ])('%j says %j', (code, message) => {
    expect(rateLimitedMessage(code)).toBe(message);
  });

  it.each(['CredentialsSignin', 'RateLimited:', 'RateLimited:-5', 'RateLimited:1e9', 'xRateLimited:5', '', null])(
    'ignores %j',
    (code) => {
      expect(rateLimitedMessage(code)).toBeNull();
    },
  );
});
