import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTokenSchema } from '../../lib/auth/api-tokens';
import { type DemoActors, domainFailure, openSeededDb, type TestDb, testEngines } from '../test-utils';
import { createApiToken, listApiTokens, revokeApiToken, verifyApiToken } from './api-tokens';

const input = (over: Record<string, unknown> = {}) =>
  createApiTokenSchema.parse({ name: 'R script', scope: 'read', expiresInDays: 30, ...over });

describe.each(testEngines())('API tokens on %s', (engine) => {
  let t: TestDb;
  let people: DemoActors;

  beforeAll(async () => {
    const seeded = await openSeededDb(engine);
    t = seeded.t;
    people = seeded;
  });
  afterAll(() => t.dispose());

  it('shows the secret once, stores only its hash, and verifies it to its owner and scope', async () => {
    const made = await createApiToken(t.db, people.curator.id, input({ scope: 'write' }));
    expect(made.token).toMatch(/^evx_[A-Za-z0-9_-]{43}$/);
    expect(made.token.startsWith(made.prefix)).toBe(true);
    const stored = await t.query<{ token_hash: string }>(`select token_hash from api_tokens where id = $1`, [made.id]);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(made.token.slice(4));
    expect(await verifyApiToken(t.db, made.token)).toEqual({
      tokenId: made.id,
      userId: people.curator.id,
      scope: 'write',
    });
    const listed = await listApiTokens(t.db, people.curator.id);
    expect(listed.find((x) => x.id === made.id)).toMatchObject({ name: 'R script', lastUsedAt: expect.any(Date) });
    expect(JSON.stringify(listed)).not.toContain(made.token);
  });

  it('refuses malformed, unknown, revoked and expired tokens, and tokens of disabled accounts', async () => {
    expect(await verifyApiToken(t.db, 'evx_short')).toBeNull();
    expect(await verifyApiToken(t.db, `evx_${'A'.repeat(43)}`)).toBeNull();
    const revoked = await createApiToken(t.db, people.curator.id, input());
    await revokeApiToken(t.db, people.curator.id, revoked.id);
    expect(await verifyApiToken(t.db, revoked.token)).toBeNull();
    const expired = await createApiToken(t.db, people.curator.id, input());
    await t.query(`update api_tokens set expires_at = now() - interval '1 second' where id = $1`, [expired.id]);
    expect(await verifyApiToken(t.db, expired.token)).toBeNull();
    const [u] = await t.query<{ id: number }>(
      `insert into users (email, name, role, password_hash) values ('token.owner@example.org', 'T', 'curator', 'x') returning id`,
    );
    const theirs = await createApiToken(t.db, u!.id, input({ expiresInDays: null }));
    expect(await verifyApiToken(t.db, theirs.token)).toMatchObject({ userId: u!.id });
    await t.query(`update users set disabled_at = now() where id = $1`, [u!.id]);
    expect(await verifyApiToken(t.db, theirs.token)).toBeNull();
  });

  it('lets only the owner revoke a token, once, and audits create and revoke', async () => {
    const made = await createApiToken(t.db, people.curator.id, input());
    expect((await domainFailure(revokeApiToken(t.db, people.admin.id, made.id))).code).toBe('not_found:token');
    expect(await verifyApiToken(t.db, made.token)).not.toBeNull();
    await revokeApiToken(t.db, people.curator.id, made.id);
    expect((await domainFailure(revokeApiToken(t.db, people.curator.id, made.id))).code).toBe('not_found:token');
    const audit = await t.query<{ action: string }>(
      `select action from audit_events where entity = 'api_token' and entity_id = $1 order by id`,
      [String(made.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['token.create', 'token.revoke']);
  });

  it('validates the create input: a name, read or write, 1–365 days or never', () => {
    expect(createApiTokenSchema.safeParse({ name: '', scope: 'read' }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: 'x', scope: 'admin' }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: 'x', scope: 'read', expiresInDays: 400 }).success).toBe(false);
    expect(createApiTokenSchema.parse({ name: 'x', scope: 'read', expiresInDays: null }).expiresInDays).toBeNull();
    expect(createApiTokenSchema.parse({ name: 'x', scope: 'read' }).expiresInDays).toBe(90);
  });
});
