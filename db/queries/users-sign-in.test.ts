import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../lib/auth/password';
import { IMPORT_USER_EMAIL } from '../seed-lib';
import { DEMO_PASSWORD, type TestDb, testEngines } from '../test-utils';
import { authenticate } from './auth';
import { setUserDisabled } from './users';
import { openUsersKit } from './users-test-kit';

const INVALID = { ok: false, reason: 'invalid' } as const;

type Kit = Awaited<ReturnType<typeof openUsersKit>>;

describe.each(testEngines())('sign-in on %s', (engine) => {
  let t: TestDb;
  let ids: Kit['ids'];
  let auditFor: Kit['auditFor'];
  let newUser: Kit['newUser'];

  beforeAll(async () => {
    ({ t, ids, auditFor, newUser } = await openUsersKit(engine));
  });
  afterAll(() => t?.dispose());

  it('signs in with the right password, in any email case, and records it', async () => {
    const ip = '203.0.113.10';
    const r = await authenticate(t.db, { email: ' Curator@Example.org ', password: DEMO_PASSWORD }, ip);
    expect(r).toStrictEqual({
      ok: true,
      user: { id: ids.curator, email: 'curator@example.org', name: 'Casey Curator', role: 'curator' },
    });
    const attempts = await t.query<{ email: string; succeeded: boolean }>(
      `select email, succeeded from login_attempts where ip = $1`,
      [ip],
    );
    expect(attempts).toEqual([{ email: 'curator@example.org', succeeded: true }]);
    expect((await auditFor('auth.sign_in', ids.curator)).map((a) => a.detail)).toContainEqual({ ip });

    const admin = await authenticate(t.db, { email: 'admin@example.org', password: DEMO_PASSWORD }, ip);
    expect(admin).toMatchObject({ ok: true, user: { id: ids.admin, role: 'admin' } });
  });

  it('answers every failure with the same invalid result, and records the checked ones as failed', async () => {
    const results = [
      await authenticate(t.db, { email: 'curator@example.org', password: 'wrong-password-1' }, '203.0.113.20'),
      await authenticate(t.db, { email: 'nobody@example.org', password: DEMO_PASSWORD }, '203.0.113.21'),
      await authenticate(t.db, { email: 'curator@example.org', password: '' }, '203.0.113.22'),
      await authenticate(t.db, { email: 'not an email', password: DEMO_PASSWORD }, '203.0.113.23'),
      await authenticate(t.db, null, '203.0.113.24'),
      await authenticate(t.db, { email: 'nobody@example.org', password: DEMO_PASSWORD }, null),
    ];
    for (const r of results) expect(r).toStrictEqual(INVALID);
    const failed = await t.query<{ email: string; ip: string; succeeded: boolean }>(
      `select email, ip, succeeded from login_attempts
       where ip in ('203.0.113.20', '203.0.113.21', '203.0.113.22', '203.0.113.23', '203.0.113.24', 'unknown')
       order by id`,
    );
    // Input that does not parse is refused before any lookup and is not recorded.
    expect(failed).toEqual([
      { email: 'curator@example.org', ip: '203.0.113.20', succeeded: false },
      { email: 'nobody@example.org', ip: '203.0.113.21', succeeded: false },
      { email: 'nobody@example.org', ip: 'unknown', succeeded: false },
    ]);
  });

  it('refuses a disabled user with the right password, and lets them in again once enabled', async () => {
    const id = await newUser('disabled.user@example.org');
    const creds = { email: 'disabled.user@example.org', password: 'right-password-1' };
    expect(await authenticate(t.db, creds, '203.0.113.30')).toMatchObject({ ok: true, user: { id } });
    await setUserDisabled(t.db, ids.admin, id, true);
    expect(await authenticate(t.db, creds, '203.0.113.31')).toStrictEqual(INVALID);
    await setUserDisabled(t.db, ids.admin, id, false);
    expect(await authenticate(t.db, creds, '203.0.113.32')).toMatchObject({ ok: true, user: { id } });
  });

  it('never signs in the system import user, even with a matching password hash', async () => {
    expect(
      await authenticate(t.db, { email: IMPORT_USER_EMAIL, password: DEMO_PASSWORD }, '203.0.113.40'),
    ).toStrictEqual(INVALID);
    const hash = await hashPassword('system-password-1');
    await t.query(`update users set password_hash = $1 where id = $2`, [hash, ids.system]);
    expect(await verifyPassword(hash, 'system-password-1')).toBe(true);
    expect(
      await authenticate(t.db, { email: IMPORT_USER_EMAIL, password: 'system-password-1' }, '203.0.113.41'),
    ).toStrictEqual(INVALID);
    const [attempt] = await t.query<{ succeeded: boolean }>(
      `select succeeded from login_attempts where ip = '203.0.113.41'`,
    );
    expect(attempt).toEqual({ succeeded: false });
    expect(await auditFor('auth.sign_in', ids.system)).toEqual([]);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped one as IPv4', async () => {
    await authenticate(t.db, { email: 'nobody@example.org', password: 'wrong-password-1' }, '2001:db8:5:6:aaaa::1');
    await authenticate(t.db, { email: 'nobody@example.org', password: 'wrong-password-1' }, '2001:db8:5:6:bbbb::2');
    await authenticate(t.db, { email: 'nobody@example.org', password: 'wrong-password-1' }, '::ffff:203.0.113.44');
    const rows = await t.query<{ ip: string; n: number }>(
      `select ip, count(*)::int as n from login_attempts where ip in ('2001:db8:5:6::/64', '203.0.113.44') group by ip order by ip`,
    );
    expect(rows).toEqual([
      { ip: '2001:db8:5:6::/64', n: 2 },
      { ip: '203.0.113.44', n: 1 },
    ]);
  });
});
