import { eq } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { users } from './schema';

/** The system account that imports and grounds findings; it cannot sign in (no password, is_system). */
export const IMPORT_USER_EMAIL = 'import@system.invalid';

/** The import user's id, creating the account on first use. */
export async function ensureImportUser(tx: DbOrTx): Promise<number> {
  await tx
    .insert(users)
    .values({ email: IMPORT_USER_EMAIL, name: 'Import (system)', role: 'curator', isSystem: true })
    .onConflictDoNothing();
  const [importUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, IMPORT_USER_EMAIL));
  if (!importUser) throw new Error('import user missing');
  return importUser.id;
}
