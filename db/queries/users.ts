import { and, asc, count, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import type { NewUserInput } from '../../lib/auth/schemas';
import { newUserSchema } from '../../lib/auth/schemas';
import { DomainError } from '../../lib/errors';
import type { Role } from '../../lib/vocab/terms';
import type { Db, DbOrTx } from '../client';
import { toDomainError } from '../errors';
import { users } from '../schema';
import { recordAudit } from './audit';

export const USER_COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  orcid: users.orcid,
  role: users.role,
  isSystem: users.isSystem,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

export type UserSummary = {
  id: number;
  email: string;
  name: string;
  orcid: string | null;
  role: Role;
  isSystem: boolean;
  disabledAt: Date | null;
  createdAt: Date;
};

export async function getUserById(db: DbOrTx, id: number): Promise<UserSummary | undefined> {
  const [u] = await db.select(USER_COLUMNS).from(users).where(eq(users.id, id)).limit(1);
  return u;
}

export async function getUserForSignIn(db: DbOrTx, email: string) {
  const [u] = await db
    .select({ ...USER_COLUMNS, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return u;
}

export async function listUsers(db: DbOrTx): Promise<UserSummary[]> {
  return db.select(USER_COLUMNS).from(users).where(eq(users.isSystem, false)).orderBy(asc(users.email));
}

export async function createUser(db: Db, actorId: number | null, input: NewUserInput): Promise<UserSummary> {
  const data = newUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.transaction(async (tx) => {
      const [u] = await tx
        .insert(users)
        .values({ email: data.email, name: data.name, role: data.role, orcid: data.orcid || null, passwordHash })
        .returning(USER_COLUMNS);
      if (!u) throw new Error('insert returned no row');
      await recordAudit(tx, {
        actorId,
        action: 'user.create',
        entity: 'user',
        entityId: u.id,
        detail: { email: u.email, role: u.role },
      });
      return u;
    });
  } catch (e) {
    if (e instanceof DomainError) throw e;
    try {
      toDomainError(e, 'user');
    } catch (d) {
      if (d instanceof DomainError && d.kind === 'conflict')
        throw new DomainError('conflict', 'user', 'An account with this email already exists.', 'email');
      throw d;
    }
  }
}

/** Serializes role and access changes, so two at once cannot both remove "the other" last admin. */
async function lockAdminChanges(tx: DbOrTx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('evx:user-admin-changes'))`);
}

async function guardLastAdmin(tx: DbOrTx, userId: number) {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), sql`${users.disabledAt} is null`, sql`${users.id} <> ${userId}`));
  if ((row?.n ?? 0) === 0)
    throw new DomainError('conflict', 'user', 'This is the last active admin; make someone else admin first.');
}

export async function changeRole(db: Db, actorId: number, userId: number, role: Role): Promise<void> {
  await db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const [before] = await tx
      .select({ role: users.role, isSystem: users.isSystem })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!before || before.isSystem) throw new DomainError('not_found', 'user', 'No such user.');
    if (before.role === role) return;
    if (before.role === 'admin') await guardLastAdmin(tx, userId);
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId,
      action: 'user.role_change',
      entity: 'user',
      entityId: userId,
      detail: { from: before.role, to: role },
    });
  });
}

export async function setUserDisabled(db: Db, actorId: number, userId: number, disabled: boolean): Promise<void> {
  if (disabled && actorId === userId) throw new DomainError('conflict', 'user', 'You cannot disable your own account.');
  await db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const [before] = await tx
      .select({ role: users.role, disabledAt: users.disabledAt, isSystem: users.isSystem })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!before || before.isSystem) throw new DomainError('not_found', 'user', 'No such user.');
    if (Boolean(before.disabledAt) === disabled) return;
    if (disabled && before.role === 'admin') await guardLastAdmin(tx, userId);
    await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId,
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: userId,
    });
  });
}
