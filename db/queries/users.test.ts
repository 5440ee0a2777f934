import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { hashPassword, verifyPassword } from '../../lib/auth/password';
import { DomainError } from '../../lib/errors';
import { sqlState, UNIQUE_VIOLATION } from '../errors';
import { IMPORT_USER_EMAIL, seedDatabase } from '../seed-lib';
import { openTestDb, type TestDb, testEngines } from '../test-utils';
import { authenticate } from './auth';
import { changeRole, createUser, getUserById, recentFailures, setUserDisabled, SIGN_IN_MAX_FAILURES } from './users';

const DEMO_PASSWORD = 'test-password-123';
const INVALID = { ok: false, reason: 'invalid' } as const;
const RATE_LIMITED = { ok: false, reason: 'rate_limited' } as const;

/** The error a call fails with; fails the test when it succeeds. */
async function failure(p: PromiseLike<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe.each(testEngines())('users and sign-in on %s', (engine) => {
  let t: TestDb;
  const ids: Record<string, number> = {};

  async function auditFor(action: string, entityId: number) {
    return t.query<{ actor_id: number | null; entity: string; detail: Record<string, unknown> }>(
      `select actor_id, entity, detail from audit_events where action = $1 and entity_id = $2 order by id`,
      [action, String(entityId)],
    );
  }

  async function countOf(text: string, params: unknown[] = []): Promise<number> {
    const [row] = await t.query<{ n: number }>(text, params);
    return Number(row!.n);
  }

  async function newUser(
    email: string,
    role: 'curator' | 'reviewer' | 'admin' = 'curator',
    password = 'right-password-1',
  ) {
    const u = await createUser(t.db, ids.admin!, { email, name: email.split('@')[0]!, role, password });
    return u.id;
  }

  async function userRow(id: number) {
    const [row] = await t.query<{ role: string; disabled: boolean }>(
      `select role::text as role, disabled_at is not null as disabled from users where id = $1`,
      [id],
    );
    return row;
  }

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD });
    const rows = await t.query<{ id: number; email: string }>(`select id, email from users`);
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    ids.admin = byEmail.get('admin@example.org')!;
    ids.curator = byEmail.get('curator@example.org')!;
    ids.reviewer = byEmail.get('reviewer@example.org')!;
    ids.reviewer2 = byEmail.get('reviewer2@example.org')!;
    ids.system = byEmail.get(IMPORT_USER_EMAIL)!;
    for (const [k, v] of Object.entries(ids)) if (!v) throw new Error(`seeded user ${k} missing`);
  });
  afterAll(() => t?.dispose());

  describe('createUser', () => {
    it('creates a user with a normalized email and a hashed password, and records user.create', async () => {
      const u = await createUser(t.db, ids.admin!, {
        email: '  New.Person@Example.ORG ',
        name: '  Nora Newperson ',
        role: 'reviewer',
        orcid: 'https://orcid.org/0000-0002-1825-0097',
        password: 'a-long-password',
      });
      expect(u).toMatchObject({
        email: 'new.person@example.org',
        name: 'Nora Newperson',
        role: 'reviewer',
        orcid: '0000-0002-1825-0097',
        isSystem: false,
        disabledAt: null,
      });
      expect(u.createdAt).toBeInstanceOf(Date);
      expect(await getUserById(t.db, u.id)).toEqual(u);

      const [row] = await t.query<{ password_hash: string }>(`select password_hash from users where id = $1`, [u.id]);
      expect(row!.password_hash).toMatch(/^\$argon2id\$/);
      expect(row!.password_hash).not.toContain('a-long-password');
      expect(await verifyPassword(row!.password_hash, 'a-long-password')).toBe(true);

      expect(await auditFor('user.create', u.id)).toEqual([
        { actor_id: ids.admin, entity: 'user', detail: { email: 'new.person@example.org', role: 'reviewer' } },
      ]);
      expect(
        await authenticate(t.db, { email: 'new.person@example.org', password: 'a-long-password' }, '203.0.113.1'),
      ).toEqual({
        ok: true,
        user: { id: u.id, email: 'new.person@example.org', name: 'Nora Newperson', role: 'reviewer' },
      });
    });

    it.each([
      ['a bad email', { email: 'not-an-email' }, 'email'],
      ['an empty email', { email: '' }, 'email'],
      ['a short password', { password: 'short' }, 'password'],
      ['HTML in the name', { name: '<b>Bob</b>' }, 'name'],
      ['a script tag in the name', { name: 'Bob <script>alert(1)</script>' }, 'name'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a bad ORCID', { orcid: '1234' }, 'orcid'],
      ['an unknown role', { role: 'superuser' }, 'role'],
    ])('refuses %s with a ZodError and writes nothing', async (_what, override, field) => {
      const usersBefore = await countOf(`select count(*)::int as n from users`);
      const auditBefore = await countOf(`select count(*)::int as n from audit_events`);
      const input = {
        email: 'valid.person@example.org',
        name: 'Valid Person',
        role: 'curator',
        password: 'long-enough-pw',
        ...override,
      };
      const err = await failure(createUser(t.db, ids.admin!, input as never));
      expect(err).toBeInstanceOf(ZodError);
      expect((err as ZodError).issues.map((i) => i.path.join('.'))).toEqual([field]);
      expect(await countOf(`select count(*)::int as n from users`)).toBe(usersBefore);
      expect(await countOf(`select count(*)::int as n from audit_events`)).toBe(auditBefore);
    });

    it('refuses an email that exists in another case with a conflict on the email field', async () => {
      const usersBefore = await countOf(`select count(*)::int as n from users`);
      const auditBefore = await countOf(`select count(*)::int as n from audit_events where action = 'user.create'`);
      const err = await failure(
        createUser(t.db, ids.admin!, {
          email: 'CURATOR@Example.ORG',
          name: 'Another Casey',
          role: 'curator',
          password: 'long-enough-pw',
        }),
      );
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ kind: 'conflict', entity: 'user', field: 'email' });
      expect((err as DomainError).message).toBe('An account with this email already exists.');
      expect(await countOf(`select count(*)::int as n from users`)).toBe(usersBefore);
      expect(await countOf(`select count(*)::int as n from audit_events where action = 'user.create'`)).toBe(
        auditBefore,
      );
    });

    it('the database itself refuses a case-variant duplicate written past the app', async () => {
      const err = await failure(t.query(`insert into users (email, name) values ('Curator@EXAMPLE.org', 'Crafted')`));
      expect(sqlState(err)).toBe(UNIQUE_VIOLATION);
    });
  });

  describe('authenticate', () => {
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
      expect((await auditFor('auth.sign_in', ids.curator!)).map((a) => a.detail)).toContainEqual({ ip });

      const admin = await authenticate(t.db, { email: 'admin@example.org', password: DEMO_PASSWORD }, ip);
      expect(admin).toMatchObject({ ok: true, user: { id: ids.admin, role: 'admin' } });
    });

    it('answers every failure with the same invalid result', async () => {
      const results = [
        await authenticate(t.db, { email: 'curator@example.org', password: 'wrong-password-1' }, '203.0.113.20'),
        await authenticate(t.db, { email: 'nobody@example.org', password: DEMO_PASSWORD }, '203.0.113.21'),
        await authenticate(t.db, { email: 'curator@example.org', password: '' }, '203.0.113.22'),
        await authenticate(t.db, { email: 'not an email', password: DEMO_PASSWORD }, '203.0.113.23'),
        await authenticate(t.db, null, '203.0.113.24'),
      ];
      for (const r of results) expect(r).toStrictEqual(INVALID);
      const failed = await t.query<{ email: string; succeeded: boolean }>(
        `select email, succeeded from login_attempts where ip in ('203.0.113.20', '203.0.113.21') order by ip`,
      );
      expect(failed).toEqual([
        { email: 'curator@example.org', succeeded: false },
        { email: 'nobody@example.org', succeeded: false },
      ]);
    });

    it('refuses a disabled user with the right password, and lets them in again once enabled', async () => {
      const id = await newUser('disabled.user@example.org');
      const creds = { email: 'disabled.user@example.org', password: 'right-password-1' };
      expect(await authenticate(t.db, creds, '203.0.113.30')).toMatchObject({ ok: true, user: { id } });
      await setUserDisabled(t.db, ids.admin!, id, true);
      expect(await authenticate(t.db, creds, '203.0.113.31')).toStrictEqual(INVALID);
      await setUserDisabled(t.db, ids.admin!, id, false);
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
      expect(await auditFor('auth.sign_in', ids.system!)).toEqual([]);
    });

    it('rate-limits an email after 10 failures from different IPs, even with the right password', async () => {
      const email = 'limited.email@example.org';
      const id = await newUser(email);
      for (let i = 1; i <= SIGN_IN_MAX_FAILURES - 1; i++)
        expect(await authenticate(t.db, { email, password: `wrong-password-${i}` }, `10.1.0.${i}`)).toStrictEqual(
          INVALID,
        );
      // Nine failures: the right password still works.
      expect(await authenticate(t.db, { email, password: 'right-password-1' }, '10.1.0.100')).toMatchObject({
        ok: true,
        user: { id },
      });
      // The tenth failure is still checked (and fails) …
      expect(await authenticate(t.db, { email, password: 'wrong-password-10' }, '10.1.0.10')).toStrictEqual(INVALID);
      expect(await recentFailures(t.db, email, '10.1.0.200')).toEqual({ email: 10, ip: 0 });
      // … and from then on even the right password is refused, in any case, from any IP.
      expect(await authenticate(t.db, { email, password: 'right-password-1' }, '10.1.0.101')).toStrictEqual(
        RATE_LIMITED,
      );
      expect(
        await authenticate(t.db, { email: 'Limited.Email@EXAMPLE.org', password: 'right-password-1' }, '10.1.0.102'),
      ).toStrictEqual(RATE_LIMITED);
      // Refused attempts are not recorded as failures, and other accounts are unaffected.
      expect(await recentFailures(t.db, email, '10.1.0.200')).toEqual({ email: 10, ip: 0 });
      expect(
        await authenticate(t.db, { email: 'reviewer@example.org', password: DEMO_PASSWORD }, '10.1.0.101'),
      ).toMatchObject({
        ok: true,
        user: { id: ids.reviewer },
      });
    });

    it('rate-limits an IP after 10 failures across different emails', async () => {
      const ip = '192.0.2.50';
      for (let i = 1; i <= SIGN_IN_MAX_FAILURES - 1; i++)
        expect(
          await authenticate(t.db, { email: `guess${i}@example.org`, password: 'guessed-password' }, ip),
        ).toStrictEqual(INVALID);
      expect(await authenticate(t.db, { email: 'reviewer2@example.org', password: DEMO_PASSWORD }, ip)).toMatchObject({
        ok: true,
        user: { id: ids.reviewer2 },
      });
      expect(
        await authenticate(t.db, { email: 'guess10@example.org', password: 'guessed-password' }, ip),
      ).toStrictEqual(INVALID);
      expect(await recentFailures(t.db, 'unused@example.org', ip)).toEqual({ email: 0, ip: 10 });
      expect(await authenticate(t.db, { email: 'reviewer2@example.org', password: DEMO_PASSWORD }, ip)).toStrictEqual(
        RATE_LIMITED,
      );
      // The same account from another IP is fine.
      expect(
        await authenticate(t.db, { email: 'reviewer2@example.org', password: DEMO_PASSWORD }, '192.0.2.51'),
      ).toMatchObject({
        ok: true,
        user: { id: ids.reviewer2 },
      });
    });

    it('does not count failures older than 15 minutes', async () => {
      const email = 'stale.failures@example.org';
      const id = await newUser(email);
      /** n failed attempts `minutesAgo` minutes ago; a '#' in the email is replaced by 1..n. */
      const insertFailures = (n: number, email: string, ip: string, minutesAgo: number) =>
        t.query(
          `insert into login_attempts (email, ip, succeeded, at)
           select replace($1, '#', g::text), $2, false, now() - make_interval(mins => $3::int)
           from generate_series(1, $4::int) g`,
          [email, ip, minutesAgo, n],
        );

      // Per email: ten old failures do not block …
      await insertFailures(10, email, '198.51.100.7', 16);
      expect(await recentFailures(t.db, email, '198.51.100.99')).toEqual({ email: 0, ip: 0 });
      expect(await authenticate(t.db, { email, password: 'right-password-1' }, '198.51.100.7')).toMatchObject({
        ok: true,
        user: { id },
      });
      // … ten recent ones (14 minutes ago) do.
      await insertFailures(10, email, '198.51.100.8', 14);
      expect(await recentFailures(t.db, email, '198.51.100.99')).toEqual({ email: 10, ip: 0 });
      expect(await authenticate(t.db, { email, password: 'right-password-1' }, '198.51.100.9')).toStrictEqual(
        RATE_LIMITED,
      );

      // Per IP: likewise.
      await insertFailures(10, 'old#@example.org', '198.51.100.20', 16);
      expect(
        await authenticate(t.db, { email: 'curator@example.org', password: DEMO_PASSWORD }, '198.51.100.20'),
      ).toMatchObject({
        ok: true,
        user: { id: ids.curator },
      });
      await insertFailures(10, 'new#@example.org', '198.51.100.21', 14);
      expect(await recentFailures(t.db, 'unused@example.org', '198.51.100.21')).toEqual({ email: 0, ip: 10 });
      expect(
        await authenticate(t.db, { email: 'curator@example.org', password: DEMO_PASSWORD }, '198.51.100.21'),
      ).toStrictEqual(RATE_LIMITED);
    });
  });

  describe('changeRole and setUserDisabled', () => {
    it('changes a role and records user.role_change with from and to', async () => {
      const id = await newUser('promoted@example.org');
      await changeRole(t.db, ids.admin!, id, 'reviewer');
      expect(await userRow(id)).toEqual({ role: 'reviewer', disabled: false });
      expect(await auditFor('user.role_change', id)).toEqual([
        { actor_id: ids.admin, entity: 'user', detail: { from: 'curator', to: 'reviewer' } },
      ]);
      // Setting the same role again is a no-op without an audit event.
      await changeRole(t.db, ids.admin!, id, 'reviewer');
      expect(await auditFor('user.role_change', id)).toHaveLength(1);
      await changeRole(t.db, ids.admin!, id, 'admin');
      expect((await auditFor('user.role_change', id)).map((a) => a.detail)).toEqual([
        { from: 'curator', to: 'reviewer' },
        { from: 'reviewer', to: 'admin' },
      ]);
      expect(
        await authenticate(t.db, { email: 'promoted@example.org', password: 'right-password-1' }, '203.0.113.50'),
      ).toMatchObject({
        ok: true,
        user: { role: 'admin' },
      });
      // Back to curator, so the seeded admin is the only admin again for the tests below.
      await changeRole(t.db, ids.admin!, id, 'curator');
      expect(await userRow(id)).toEqual({ role: 'curator', disabled: false });
    });

    it('disables and enables a user, recording user.disable and user.enable', async () => {
      const id = await newUser('toggled@example.org');
      await setUserDisabled(t.db, ids.admin!, id, true);
      expect(await userRow(id)).toEqual({ role: 'curator', disabled: true });
      expect(await auditFor('user.disable', id)).toEqual([{ actor_id: ids.admin, entity: 'user', detail: {} }]);
      // Disabling again changes nothing and records nothing.
      await setUserDisabled(t.db, ids.admin!, id, true);
      expect(await auditFor('user.disable', id)).toHaveLength(1);
      await setUserDisabled(t.db, ids.admin!, id, false);
      expect(await userRow(id)).toEqual({ role: 'curator', disabled: false });
      expect(await auditFor('user.enable', id)).toEqual([{ actor_id: ids.admin, entity: 'user', detail: {} }]);
    });

    it('refuses to change the system user or an unknown user', async () => {
      for (const p of [
        changeRole(t.db, ids.admin!, ids.system!, 'admin'),
        setUserDisabled(t.db, ids.admin!, ids.system!, true),
      ]) {
        const err = await failure(p);
        expect(err).toBeInstanceOf(DomainError);
        expect(err).toMatchObject({ kind: 'not_found', entity: 'user' });
      }
      expect(await failure(changeRole(t.db, ids.admin!, 987654, 'admin'))).toMatchObject({ kind: 'not_found' });
      expect(await userRow(ids.system!)).toEqual({ role: 'curator', disabled: false });
    });

    it('never demotes or disables the last active admin', async () => {
      const admins = await countOf(`select count(*)::int as n from users where role = 'admin' and disabled_at is null`);
      expect(admins).toBe(1);
      const demote = await failure(changeRole(t.db, ids.reviewer!, ids.admin!, 'reviewer'));
      expect(demote).toBeInstanceOf(DomainError);
      expect(demote).toMatchObject({ kind: 'conflict', entity: 'user' });
      expect((demote as DomainError).message).toMatch(/last active admin/);
      const disable = await failure(setUserDisabled(t.db, ids.reviewer!, ids.admin!, true));
      expect(disable).toBeInstanceOf(DomainError);
      expect(disable).toMatchObject({ kind: 'conflict', entity: 'user' });
      expect((disable as DomainError).message).toMatch(/last active admin/);
      expect(await userRow(ids.admin!)).toEqual({ role: 'admin', disabled: false });
      expect(await auditFor('user.role_change', ids.admin!)).toEqual([]);
      expect(await auditFor('user.disable', ids.admin!)).toEqual([]);

      // A disabled admin does not count as another admin.
      const other = await newUser('dormant.admin@example.org', 'admin');
      await setUserDisabled(t.db, ids.admin!, other, true);
      expect(await failure(changeRole(t.db, ids.admin!, ids.admin!, 'curator'))).toMatchObject({ kind: 'conflict' });
      expect(await failure(setUserDisabled(t.db, other, ids.admin!, true))).toMatchObject({ kind: 'conflict' });
      expect(await userRow(ids.admin!)).toEqual({ role: 'admin', disabled: false });

      // With another active admin, the first one can step down (and be reinstated).
      await setUserDisabled(t.db, ids.admin!, other, false);
      await changeRole(t.db, other, ids.admin!, 'reviewer');
      expect(await userRow(ids.admin!)).toEqual({ role: 'reviewer', disabled: false });
      expect(await auditFor('user.role_change', ids.admin!)).toEqual([
        { actor_id: other, entity: 'user', detail: { from: 'admin', to: 'reviewer' } },
      ]);
      // Now `other` is the last one.
      expect(await failure(changeRole(t.db, other, other, 'curator'))).toMatchObject({ kind: 'conflict' });
      await changeRole(t.db, other, ids.admin!, 'admin');
      await changeRole(t.db, ids.admin!, other, 'curator');
      expect(await countOf(`select count(*)::int as n from users where role = 'admin' and disabled_at is null`)).toBe(
        1,
      );
    });

    it('an admin cannot disable themselves, even when other admins remain', async () => {
      const other = await newUser('second.admin@example.org', 'admin');
      const err = await failure(setUserDisabled(t.db, ids.admin!, ids.admin!, true));
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ kind: 'conflict', entity: 'user' });
      expect((err as DomainError).message).toBe('You cannot disable your own account.');
      expect(await userRow(ids.admin!)).toEqual({ role: 'admin', disabled: false });
      expect(await auditFor('user.disable', ids.admin!)).toEqual([]);
      // Another admin may disable them.
      await setUserDisabled(t.db, other, ids.admin!, true);
      expect(await userRow(ids.admin!)).toEqual({ role: 'admin', disabled: true });
      await setUserDisabled(t.db, other, ids.admin!, false);
      expect(await userRow(ids.admin!)).toEqual({ role: 'admin', disabled: false });
    });

    it('two admins demoting each other at the same moment leave one admin, never none', async () => {
      const activeAdmins = () =>
        countOf(`select count(*)::int as n from users where role = 'admin' and disabled_at is null`);
      const [second] = await t.query<{ id: number }>(`select id from users where email = 'second.admin@example.org'`);
      expect(await activeAdmins()).toBe(2);
      const results = await Promise.allSettled([
        changeRole(t.db, ids.admin!, second!.id, 'curator'),
        changeRole(t.db, second!.id, ids.admin!, 'reviewer'),
        setUserDisabled(t.db, second!.id, ids.admin!, true),
      ]);
      const refused = results.filter((r) => r.status === 'rejected');
      for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ kind: 'conflict' });
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(await activeAdmins()).toBe(1);
    });
  });
});
