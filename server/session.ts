/**
 * Who is asking: the one data-access module for identity. Pages use getCurrentUser / requireUser /
 * requireRole (session cookie); route handlers use actorFromRequest (a personal API token in
 * `Authorization: Bearer …`, else the session). Every answer is checked against the database on
 * each request, so a disabled account, a changed role or a revoked token takes effect at once.
 */
import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getSessionUserId, type SessionUser } from '@/app/(auth)/auth';
import { getDb } from '@/db';
import { verifyApiToken } from '@/db/queries/api-tokens';
import { getUserById } from '@/db/queries/users';
import { hasRole } from '@/lib/auth/roles';
import { DomainError } from '@/lib/errors';
import type { Role } from '@/lib/vocab/terms';

export type { SessionUser };

/** A signed-in caller. Through a token, `scope` limits it to reads or allows writes too. */
export type Actor = SessionUser & { via: 'session' | 'token'; scope: 'read' | 'write' };

async function activeUser(id: number): Promise<SessionUser | null> {
  const user = await getUserById(await getDb(), id);
  if (!user || user.disabledAt || user.isSystem) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The signed-in user of this request (session cookie), or null when signed out, disabled or unknown. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const id = await getSessionUserId();
  return id == null ? null : activeUser(id);
});

/** For pages: redirect to sign-in when signed out. */
export async function requireUser(callbackUrl?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`);
  return user;
}

/** For pages: the 403 page when the role is too low. */
export async function requireRole(role: Role, callbackUrl?: string): Promise<SessionUser> {
  const user = await requireUser(callbackUrl);
  if (!hasRole(user.role, role)) forbidden();
  return user;
}

/** The session's user as an actor (server actions: always the session, never a token). */
export async function sessionActor(): Promise<Actor | null> {
  const user = await getCurrentUser();
  return user ? { ...user, via: 'session', scope: 'write' } : null;
}

/**
 * For route handlers: a Bearer token when the request carries one (a bad one is refused, never
 * silently ignored in favour of a cookie), else the session.
 */
export async function actorFromRequest(req: Request): Promise<Actor | null> {
  const header = req.headers.get('authorization');
  if (header == null) return sessionActor();
  const m = /^Bearer\s+(\S{8,200})\s*$/i.exec(header);
  const token = m ? await verifyApiToken(await getDb(), m[1]!) : null;
  const user = token ? await activeUser(token.userId) : null;
  if (!token || !user)
    throw new DomainError('unauthorized', 'token', 'The API token is not valid (unknown, revoked or expired).');
  return { ...user, via: 'token', scope: token.scope };
}
