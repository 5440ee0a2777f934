import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  type CreateApiTokenInput,
  TOKEN_PATTERN,
  TOKEN_PREFIX_LENGTH,
  type TokenScope,
} from '../../lib/auth/api-tokens';
import { DomainError } from '../../lib/errors';
import type { Db, DbOrTx } from '../client';
import { apiTokens, users } from '../schema';
import { recordAudit } from './audit';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type ApiTokenView = Pick<
  typeof apiTokens.$inferSelect,
  'id' | 'name' | 'prefix' | 'scope' | 'createdAt' | 'expiresAt' | 'lastUsedAt' | 'revokedAt'
>;

const VIEW = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** A new token of the user's; the secret is in the answer and nowhere else, ever. */
export async function createApiToken(
  db: Db,
  userId: number,
  input: CreateApiTokenInput,
): Promise<ApiTokenView & { token: string }> {
  const token = `evx_${randomBytes(32).toString('base64url')}`;
  const expiresAt = input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId,
        name: input.name,
        scope: input.scope,
        prefix: token.slice(0, TOKEN_PREFIX_LENGTH),
        tokenHash: sha256(token),
        expiresAt,
      })
      .returning(VIEW);
    await recordAudit(tx, {
      actorId: userId,
      action: 'token.create',
      entity: 'api_token',
      entityId: row!.id,
      detail: { name: input.name, scope: input.scope, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { ...row!, token };
  });
}

/** The user's tokens, newest first (never the secrets). */
export async function listApiTokens(db: DbOrTx, userId: number): Promise<ApiTokenView[]> {
  return db.select(VIEW).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.id));
}

/** Revoke one of the user's own tokens; someone else's is "no such token". */
export async function revokeApiToken(db: Db, userId: number, tokenId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw new DomainError('not_found', 'token', 'No such token (or it is already revoked).');
    await recordAudit(tx, { actorId: userId, action: 'token.revoke', entity: 'api_token', entityId: tokenId });
  });
}

/**
 * The user and scope a presented secret stands for, or null when it is malformed, unknown,
 * revoked, expired or its user is disabled. Records the use at most once a minute.
 */
export async function verifyApiToken(
  db: DbOrTx,
  secret: string,
): Promise<{ tokenId: number; userId: number; scope: TokenScope } | null> {
  if (!TOKEN_PATTERN.test(secret)) return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, userId: apiTokens.userId, scope: apiTokens.scope })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(secret)),
        isNull(apiTokens.revokedAt),
        sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > now())`,
        isNull(users.disabledAt),
        eq(users.isSystem, false),
      ),
    )
    .limit(1);
  if (!row) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, row.tokenId),
        sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`,
      ),
    );
  return row;
}
