import { index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { TOKEN_SCOPES } from '../../lib/auth/api-tokens';
import { users } from './users';

export const tokenScopeEnum = pgEnum('token_scope', TOKEN_SCOPES);

/**
 * Personal API tokens. Only a SHA-256 of the secret is kept: the secret is 32 random bytes, so a
 * fast hash is enough (no dictionary to guess from), and a lookup stays one index probe.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    name: text().notNull(),
    /** The first characters of the secret (`evx_ab12cd34`), shown in lists so the owner can tell tokens apart. */
    prefix: text().notNull(),
    tokenHash: text().notNull().unique(),
    scope: tokenScopeEnum().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('api_tokens_user_id_idx').on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
