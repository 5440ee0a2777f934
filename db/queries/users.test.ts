import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { verifyPassword } from '../../lib/auth/password';
import { DomainError } from '../../lib/errors';
import { sqlState, UNIQUE_VIOLATION } from '../errors';
import { failure, type TestDb, testEngines } from '../test-utils';
import { authenticate } from './auth';
import { changeRole, createUser, getUserById, setUserDisabled } from './users';
import { openUsersKit } from './users-test-kit';

type Kit = Awaited<ReturnType<typeof openUsersKit>>;

describe.each(testEngines())('users on %s', (engine) => {
  let t: TestDb;
  let ids: Kit['ids'];
  let auditFor: Kit['auditFor'];
  let countOf: Kit['countOf'];
  let newUser: Kit['newUser'];
  let userRow: Kit['userRow'];

  beforeAll(async () => {
    ({ t, ids, auditFor, countOf, newUser, userRow } = await openUsersKit(engine));
  });
  afterAll(() => t?.dispose());

  describe('createUser', () => {
    it('creates a user with a normalized email and a hashed password, and records user.create', async () => {
      const u = await createUser(t.db, ids.admin, {
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
      const err = await failure(createUser(t.db, ids.admin, input as never));
      expect(err).toBeInstanceOf(ZodError);
      expect((err as ZodError).issues.map((i) => i.path.join('.'))).toEqual([field]);
      expect(await countOf(`select count(*)::int as n from users`)).toBe(usersBefore);
      expect(await countOf(`select count(*)::int as n from audit_events`)).toBe(auditBefore);
    });

    it('refuses an email that exists in another case with a conflict on the email field', async () => {
      const usersBefore = await countOf(`select count(*)::int as n from users`);
      const auditBefore = await countOf(`select count(*)::int as n from audit_events where action = 'user.create'`);
      const err = await failure(
        createUser(t.db, ids.admin, {
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

  describe('changeRole and setUserDisabled', () => {
    it('changes a role and records user.role_change with from and to', async () => {
      const id = await newUser('promoted@example.org');
      await changeRole(t.db, ids.admin, id, 'reviewer');
      expect(await userRow(id)).toEqual({ role: 'reviewer', disabled: false });
      expect(await auditFor('user.role_change', id)).toEqual([
        { actor_id: ids.admin, entity: 'user', detail: { from: 'curator', to: 'reviewer' } },
      ]);
      // Setting the same role again is a no-op without an audit event.
      await changeRole(t.db, ids.admin, id, 'reviewer');
      expect(await auditFor('user.role_change', id)).toHaveLength(1);
      await changeRole(t.db, ids.admin, id, 'admin');
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
      await changeRole(t.db, ids.admin, id, 'curator');
      expect(await userRow(id)).toEqual({ role: 'curator', disabled: false });
    });

    it('disables and enables a user, recording user.disable and user.enable', async () => {
      const id = await newUser('toggled@example.org');
      await setUserDisabled(t.db, ids.admin, id, true);
      expect(await userRow(id)).toEqual({ role: 'curator', disabled: true });
      expect(await auditFor('user.disable', id)).toEqual([{ actor_id: ids.admin, entity: 'user', detail: {} }]);
      // Disabling again changes nothing and records nothing.
      await setUserDisabled(t.db, ids.admin, id, true);
      expect(await auditFor('user.disable', id)).toHaveLength(1);
      await setUserDisabled(t.db, ids.admin, id, false);
      expect(await userRow(id)).toEqual({ role: 'curator', disabled: false });
      expect(await auditFor('user.enable', id)).toEqual([{ actor_id: ids.admin, entity: 'user', detail: {} }]);
    });

    it('refuses to change the system user or an unknown user', async () => {
      // Thunks, each started when awaited: a second promise rejecting while the first is awaited is an unhandled rejection.
      for (const attempt of [
        () => changeRole(t.db, ids.admin, ids.system, 'admin'),
        () => setUserDisabled(t.db, ids.admin, ids.system, true),
      ]) {
        const err = await failure(attempt());
        expect(err).toBeInstanceOf(DomainError);
        expect(err).toMatchObject({ kind: 'not_found', entity: 'user' });
      }
      expect(await failure(changeRole(t.db, ids.admin, 987654, 'admin'))).toMatchObject({ kind: 'not_found' });
      expect(await userRow(ids.system)).toEqual({ role: 'curator', disabled: false });
    });

    it('never demotes or disables the last active admin', async () => {
      const admins = await countOf(`select count(*)::int as n from users where role = 'admin' and disabled_at is null`);
      expect(admins).toBe(1);
      const demote = await failure(changeRole(t.db, ids.reviewer, ids.admin, 'reviewer'));
      expect(demote).toBeInstanceOf(DomainError);
      expect(demote).toMatchObject({ kind: 'conflict', entity: 'user' });
      expect((demote as DomainError).message).toMatch(/last active admin/);
      const disable = await failure(setUserDisabled(t.db, ids.reviewer, ids.admin, true));
      expect(disable).toBeInstanceOf(DomainError);
      expect(disable).toMatchObject({ kind: 'conflict', entity: 'user' });
      expect((disable as DomainError).message).toMatch(/last active admin/);
      expect(await userRow(ids.admin)).toEqual({ role: 'admin', disabled: false });
      expect(await auditFor('user.role_change', ids.admin)).toEqual([]);
      expect(await auditFor('user.disable', ids.admin)).toEqual([]);

      // A disabled admin does not count as another admin.
      const other = await newUser('dormant.admin@example.org', 'admin');
      await setUserDisabled(t.db, ids.admin, other, true);
      expect(await failure(changeRole(t.db, ids.admin, ids.admin, 'curator'))).toMatchObject({ kind: 'conflict' });
      expect(await failure(setUserDisabled(t.db, other, ids.admin, true))).toMatchObject({ kind: 'conflict' });
      expect(await userRow(ids.admin)).toEqual({ role: 'admin', disabled: false });

      // With another active admin, the first one can step down (and be reinstated).
      await setUserDisabled(t.db, ids.admin, other, false);
      await changeRole(t.db, other, ids.admin, 'reviewer');
      expect(await userRow(ids.admin)).toEqual({ role: 'reviewer', disabled: false });
      expect(await auditFor('user.role_change', ids.admin)).toEqual([
        { actor_id: other, entity: 'user', detail: { from: 'admin', to: 'reviewer' } },
      ]);
      // Now `other` is the last one.
      expect(await failure(changeRole(t.db, other, other, 'curator'))).toMatchObject({ kind: 'conflict' });
      await changeRole(t.db, other, ids.admin, 'admin');
      await changeRole(t.db, ids.admin, other, 'curator');
      expect(await countOf(`select count(*)::int as n from users where role = 'admin' and disabled_at is null`)).toBe(
        1,
      );
    });

    it('an admin cannot disable themselves, even when other admins remain', async () => {
      const other = await newUser('second.admin@example.org', 'admin');
      const err = await failure(setUserDisabled(t.db, ids.admin, ids.admin, true));
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ kind: 'conflict', entity: 'user' });
      expect((err as DomainError).message).toBe('You cannot disable your own account.');
      expect(await userRow(ids.admin)).toEqual({ role: 'admin', disabled: false });
      expect(await auditFor('user.disable', ids.admin)).toEqual([]);
      // Another admin may disable them.
      await setUserDisabled(t.db, other, ids.admin, true);
      expect(await userRow(ids.admin)).toEqual({ role: 'admin', disabled: true });
      await setUserDisabled(t.db, other, ids.admin, false);
      expect(await userRow(ids.admin)).toEqual({ role: 'admin', disabled: false });
    });

    it('two admins demoting each other at the same moment leave one admin, never none', async () => {
      const activeAdmins = () =>
        countOf(`select count(*)::int as n from users where role = 'admin' and disabled_at is null`);
      const [second] = await t.query<{ id: number }>(`select id from users where email = 'second.admin@example.org'`);
      expect(await activeAdmins()).toBe(2);
      const results = await Promise.allSettled([
        changeRole(t.db, ids.admin, second!.id, 'curator'),
        changeRole(t.db, second!.id, ids.admin, 'reviewer'),
        setUserDisabled(t.db, second!.id, ids.admin, true),
      ]);
      const refused = results.filter((r) => r.status === 'rejected');
      for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ kind: 'conflict' });
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(await activeAdmins()).toBe(1);
    });
  });
});
