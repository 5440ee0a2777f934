import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../lib/auth/sign-in-limits';
import { DEMO_PASSWORD, type TestDb, testEngines } from '../test-utils';
import { authenticate } from './auth';
import { openUsersKit } from './users-test-kit';

const INVALID = { ok: false, reason: 'invalid' } as const;
const MINUTE = 60_000;
// Now, so that the log's rows are recent by the database's clock too, to the second so that waits compare exactly.
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000);
/** T0 plus some minutes. */
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const limitedUntil = (retryAt: Date) => ({ ok: false, reason: 'rate_limited', retryAt }) as const;

type Kit = Awaited<ReturnType<typeof openUsersKit>>;

describe.each(testEngines())('sign-in limits on %s', (engine) => {
  let t: TestDb;
  let ids: Kit['ids'];
  let countOf: Kit['countOf'];
  let newUser: Kit['newUser'];

  beforeAll(async () => {
    ({ t, ids, countOf, newUser } = await openUsersKit(engine));
  });
  afterAll(() => t?.dispose());

  /** n failed attempts written straight into the log; a '#' in the email or address becomes 1..n. */
  const givenFailures = (n: number, email: string, ip: string, when: Date) =>
    t.query(
      `insert into login_attempts (email, ip, succeeded, at)
       select replace($1, '#', g::text), replace($2, '#', g::text), false, $3::timestamptz from generate_series(1, $4::int) g`,
      [email, ip, when.toISOString(), n],
    );
  const attemptsOf = (email: string, ip: string) =>
    countOf(`select count(*)::int as n from login_attempts where email = $1 and ip = $2`, [email, ip]);

  it('after five failures of an account from one address, each next try waits twice as long', async () => {
    const email = 'pair.limited@example.org';
    const id = await newUser(email);
    const ip = '198.51.100.10';
    const wrong = (n: number, when: Date) => authenticate(t.db, { email, password: `wrong-password-${n}` }, ip, when);
    const right = (when: Date) => authenticate(t.db, { email, password: 'right-password-1' }, ip, when);

    for (let i = 1; i <= SIGN_IN_LIMITS.pairFreeFailures; i++) expect(await wrong(i, at(0))).toStrictEqual(INVALID);
    // Even the right password waits, and the answer says until when.
    expect(await right(at(0.5))).toStrictEqual(limitedUntil(at(1)));
    expect(await wrong(6, at(1))).toStrictEqual(INVALID);
    expect(await right(at(2.5))).toStrictEqual(limitedUntil(at(3)));
    expect(await wrong(7, at(3))).toStrictEqual(INVALID);
    expect(await wrong(8, at(6.9))).toStrictEqual(limitedUntil(at(7)));
    // Refused tries are not recorded (they would lengthen the owner's wait), checked ones are.
    expect(await attemptsOf(email, ip)).toBe(7);
    // Having waited, the owner signs in, which clears the pair's failures.
    expect(await right(at(7))).toMatchObject({ ok: true, user: { id } });
    for (let i = 1; i <= SIGN_IN_LIMITS.pairFreeFailures; i++) expect(await wrong(i, at(8))).toStrictEqual(INVALID);
    expect(await right(at(8))).toStrictEqual(limitedUntil(at(9)));
  });

  it('the wait stops growing at an hour, and a pair forgets its failures after a day', async () => {
    const email = 'long.siege@example.org';
    const id = await newUser(email);
    const ip = '198.51.100.11';
    await givenFailures(40, email, ip, at(0));
    expect(await authenticate(t.db, { email, password: 'right-password-1' }, ip, at(59))).toStrictEqual(
      limitedUntil(at(60)),
    );
    expect(await authenticate(t.db, { email, password: 'right-password-1' }, ip, at(24 * 60))).toMatchObject({
      ok: true,
      user: { id },
    });
  });

  it('failures from one address never lock the owner out from another, admins included', async () => {
    const attacker = '192.0.2.66';
    const admin = { email: 'admin@example.org', password: 'not-the-admin-password' };
    // Many failures for the admin: from one address until it is held back, and from 40 others.
    for (let i = 1; i <= SIGN_IN_LIMITS.pairFreeFailures; i++)
      expect(await authenticate(t.db, admin, attacker, at(0))).toStrictEqual(INVALID);
    expect(await authenticate(t.db, admin, attacker, at(0))).toStrictEqual(limitedUntil(at(1)));
    await givenFailures(40, 'admin@example.org', '192.0.2.#', at(0));
    // The admin, from their own address, at the same moment: signed in.
    expect(
      await authenticate(t.db, { email: 'admin@example.org', password: DEMO_PASSWORD }, '203.0.113.99', at(0)),
    ).toMatchObject({ ok: true, user: { id: ids.admin, role: 'admin' } });
    // And the attacker's address is not held back for other accounts.
    expect(
      await authenticate(t.db, { email: 'reviewer@example.org', password: DEMO_PASSWORD }, attacker, at(0)),
    ).toMatchObject({ ok: true, user: { id: ids.reviewer } });
  });

  it('an address spraying many accounts is capped per window, other addresses are not', async () => {
    const sprayer = '192.0.2.77';
    const max = SIGN_IN_LIMITS.addressMaxFailures;
    await givenFailures(max - 1, 'sprayed#@example.org', sprayer, at(0));
    // The last allowed failure is still checked …
    expect(
      await authenticate(t.db, { email: 'one.more@example.org', password: 'guessed-password' }, sprayer, at(1)),
    ).toStrictEqual(INVALID);
    // … then every account waits from that address until the oldest failure leaves the window.
    const curator = { email: 'curator@example.org', password: DEMO_PASSWORD };
    expect(await authenticate(t.db, curator, sprayer, at(2))).toStrictEqual(limitedUntil(at(15)));
    expect(await authenticate(t.db, curator, '192.0.2.78', at(2))).toMatchObject({ ok: true });
    expect(await authenticate(t.db, curator, sprayer, at(15))).toMatchObject({ ok: true, user: { id: ids.curator } });
  });

  it('30 parallel wrong tries for one account from one address: exactly the free five are checked', async () => {
    const email = 'parallel.pair@example.org';
    await newUser(email);
    const ip = '198.51.100.30';
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => authenticate(t.db, { email, password: `wrong-password-${i}` }, ip, at(0))),
    );
    expect(results.filter((r) => r.ok === false && r.reason === 'invalid')).toHaveLength(
      SIGN_IN_LIMITS.pairFreeFailures,
    );
    expect(results.filter((r) => r.ok === false && r.reason === 'rate_limited')).toHaveLength(
      30 - SIGN_IN_LIMITS.pairFreeFailures,
    );
    expect(await attemptsOf(email, ip)).toBe(SIGN_IN_LIMITS.pairFreeFailures);
    expect(await countOf(`select count(*)::int as n from login_attempts where succeeded is null`)).toBe(0);
  });

  it('40 parallel tries for 40 accounts from one address: exactly the address cap is checked', async () => {
    const ip = '198.51.100.31';
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        authenticate(t.db, { email: `parallel${i}@example.org`, password: 'guessed-password' }, ip, at(0)),
      ),
    );
    const checked = results.filter((r) => r.ok === false && r.reason === 'invalid').length;
    expect(checked).toBe(SIGN_IN_LIMITS.addressMaxFailures);
    expect(await countOf(`select count(*)::int as n from login_attempts where ip = $1`, [ip])).toBe(checked);
  });
});
