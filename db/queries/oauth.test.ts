import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OAuthIdentity } from '../../lib/auth/oauth-identity';
import { type TestDb, testEngines } from '../test-utils';
import { findOrCreateOAuthUser } from './oauth';
import { setUserDisabled } from './users';
import { openUsersKit } from './users-test-kit';

type Kit = Awaited<ReturnType<typeof openUsersKit>>;

const github = (email: string | null, emailVerified: boolean): OAuthIdentity => ({
  provider: 'github',
  name: 'Someone',
  orcid: null,
  email,
  emailVerified,
});
const orcid = (iD: string, email: string | null = null): OAuthIdentity => ({
  provider: 'orcid',
  name: 'Someone',
  orcid: iD,
  email,
  emailVerified: email !== null,
});

describe.each(testEngines())('OAuth sign-in on %s', (engine) => {
  let t: TestDb;
  let ids: Kit['ids'];
  let auditFor: Kit['auditFor'];
  let newUser: Kit['newUser'];

  beforeAll(async () => {
    ({ t, ids, auditFor, newUser } = await openUsersKit(engine));
  });
  afterAll(() => t?.dispose());

  it('an email the provider did not verify signs nobody in', async () => {
    expect(await findOrCreateOAuthUser(t.db, github('curator@example.org', false))).toBeNull();
    expect(await findOrCreateOAuthUser(t.db, github('ADMIN@example.org', false))).toBeNull();
    expect(await auditFor('auth.sign_in', ids.curator)).toEqual([]);
    expect(await auditFor('auth.sign_in', ids.admin)).toEqual([]);
  });

  it('a verified email signs in its account, in any case, and records it', async () => {
    expect(await findOrCreateOAuthUser(t.db, github('Curator@Example.ORG', true))).toEqual({ id: ids.curator });
    expect(await auditFor('auth.sign_in', ids.curator)).toEqual([
      { actor_id: ids.curator, entity: 'user', detail: { provider: 'github' } },
    ]);
    expect(await findOrCreateOAuthUser(t.db, github('nobody@example.org', true))).toBeNull();
    expect(await findOrCreateOAuthUser(t.db, github(null, true))).toBeNull();
  });

  it('ORCID matches by iD only', async () => {
    const id = await newUser('orcid.person@example.org');
    await t.query(`update users set orcid = '0000-0002-1825-0097' where id = $1`, [id]);
    expect(await findOrCreateOAuthUser(t.db, orcid('0000-0002-1825-0097'))).toEqual({ id });
    expect(await auditFor('auth.sign_in', id)).toEqual([
      { actor_id: id, entity: 'user', detail: { provider: 'orcid' } },
    ]);
    // Another iD does not fall back to the email, verified or not.
    expect(await findOrCreateOAuthUser(t.db, orcid('0000-0001-5109-3700', 'orcid.person@example.org'))).toBeNull();
  });

  it('never signs in a disabled account or the system user', async () => {
    const id = await newUser('oauth.disabled@example.org');
    await setUserDisabled(t.db, ids.admin, id, true);
    expect(await findOrCreateOAuthUser(t.db, github('oauth.disabled@example.org', true))).toBeNull();
    const [system] = await t.query<{ email: string }>(`select email from users where id = $1`, [ids.system]);
    expect(await findOrCreateOAuthUser(t.db, github(system!.email, true))).toBeNull();
  });
});
