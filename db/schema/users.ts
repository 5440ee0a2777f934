import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums';

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // Stored lower-cased by the app; the unique index on lower() guards crafted writes too.
    email: text().notNull(),
    name: text().notNull(),
    orcid: text(),
    passwordHash: text(),
    role: roleEnum().notNull().default('curator'),
    // The "import" user that authors seeded rows; it can never sign in.
    isSystem: boolean().notNull().default(false),
    disabledAt: timestamp({ withTimezone: true }),
    /** When the user last opened their notifications; newer items count in the nav. */
    notificationsSeenAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * Sign-in attempts, kept in the database so that rate limits hold across app instances. Limits
 * count by address and by (account, address) pair (lib/auth/sign-in-limits.ts).
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The account asked for: the email as typed, normalized (it need not exist). */
    email: text().notNull(),
    /** The client's address key: an IPv4 address, an IPv6 /64, or `unknown` (lib/auth/client-address.ts). */
    ip: text().notNull(),
    /** Null while the password is being checked; such an attempt counts as a failure meanwhile. */
    succeeded: boolean(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_ip_at_idx').on(t.ip, t.at),
    index('login_attempts_ip_email_at_idx').on(t.ip, t.email, t.at),
  ],
);
