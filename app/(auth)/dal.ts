import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { getUserById } from '@/db/queries/users';
import { hasRole } from '@/lib/auth/roles';
import type { Role } from '@/lib/vocab/terms';
import { getSessionUserId, type SessionUser } from './auth';

/**
 * The signed-in user, checked against the database on every request, so a
 * disabled account or a changed role takes effect at once. Null when signed
 * out, disabled or unknown.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const id = await getSessionUserId();
  if (id == null) return null;
  const user = await getUserById(await getDb(), id);
  if (!user || user.disabledAt || user.isSystem) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: redirect to sign-in when signed out. */
export async function requireUser(callbackUrl?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`);
  return user;
}

/** For pages: 403 page when the role is too low. */
export async function requireRole(role: Role, callbackUrl?: string): Promise<SessionUser> {
  const user = await requireUser(callbackUrl);
  if (!hasRole(user.role, role)) forbidden();
  return user;
}

export type Authorization =
  | { ok: true; user: SessionUser }
  | { ok: false; status: 401 | 403; error: 'unauthorized' | 'forbidden'; message: string };

/** For actions and route handlers, which answer with a result or JSON rather than a page. */
export async function authorize(role: Role): Promise<Authorization> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, status: 401, error: 'unauthorized', message: 'Sign in first.' };
  if (!hasRole(user.role, role))
    return {
      ok: false,
      status: 403,
      error: 'forbidden',
      message: `This needs the ${role} role; you are signed in as ${user.role}.`,
    };
  return { ok: true, user };
}
