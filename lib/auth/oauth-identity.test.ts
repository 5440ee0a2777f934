import { describe, expect, it } from 'vitest';
import { GITHUB_VERIFIED_EMAIL, githubVerifiedEmail, oauthIdentity } from './oauth-identity';

describe('githubVerifiedEmail', () => {
  it('takes the primary email when GitHub verified it', () => {
    expect(
      githubVerifiedEmail([
        { email: 'other@example.org', primary: false, verified: true, visibility: null },
        { email: 'Curator@Example.org', primary: true, verified: true, visibility: 'private' },
      ]),
    ).toBe('curator@example.org');
  });

  it.each([
    ['an unverified primary email', [{ email: 'curator@example.org', primary: true, verified: false }]],
    ['only a verified secondary email', [{ email: 'curator@example.org', primary: false, verified: true }]],
    ['a primary email without a verified flag', [{ email: 'curator@example.org', primary: true }]],
    ['no emails', []],
    ['an error body', { message: 'Requires authentication' }],
    ['nothing', null],
    ['a verified flag that is not a boolean', [{ email: 'curator@example.org', primary: true, verified: 'true' }]],
  ])('answers null for %s', (_what, body) => {
    expect(githubVerifiedEmail(body)).toBeNull();
  });
});

describe('oauthIdentity', () => {
  it('GitHub: the verified primary email, never the profile email', () => {
    const profile = { id: 1, login: 'casey', name: 'Casey', email: 'public@example.org' };
    expect(oauthIdentity('github', { ...profile, [GITHUB_VERIFIED_EMAIL]: 'curator@example.org' }, '1')).toEqual({
      provider: 'github',
      name: 'Casey',
      orcid: null,
      email: 'curator@example.org',
      emailVerified: true,
    });
    expect(oauthIdentity('github', { ...profile, [GITHUB_VERIFIED_EMAIL]: null }, '1')).toMatchObject({
      email: null,
      emailVerified: false,
    });
    expect(oauthIdentity('github', { login: 'casey' }, '1')).toMatchObject({ name: 'casey', emailVerified: false });
  });

  it('ORCID: the iD from the account, and no email', () => {
    const profile = { sub: '0000-0002-1825-0097', given_name: 'Josiah', family_name: 'Carberry', email: 'x@y.org' };
    expect(oauthIdentity('orcid', profile, '0000-0002-1825-0097')).toEqual({
      provider: 'orcid',
      name: 'Josiah Carberry',
      orcid: '0000-0002-1825-0097',
      email: null,
      emailVerified: false,
    });
    expect(oauthIdentity('orcid', profile, 'not-an-orcid')).toMatchObject({ orcid: null });
  });

  it('any other provider matches nothing', () => {
    expect(oauthIdentity('gitlab', { email: 'curator@example.org', email_verified: true }, '9')).toMatchObject({
      orcid: null,
      email: null,
      emailVerified: false,
    });
  });
});
