/**
 * The read policy (lib/policy/read.ts) bound to a request: the viewer and the "public read"
 * setting, loaded once per request. Pages call readContext() / requireDatasetReader(); route
 * handlers call readContextFor(actor). The rules themselves live in lib/policy/read.ts only.
 */
import 'server-only';
import { unauthorized } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { getSettings } from '@/db/queries/settings';
import { DomainError } from '@/lib/errors';
import { canReadDataset, type ReadContext } from '@/lib/policy/read';
import { type Actor, getCurrentUser, type SessionUser } from './session';

export * from '@/lib/policy/read';

export type PageReadContext = ReadContext & { user: SessionUser | null };

/** This request's viewer (session) and setting. */
export const readContext = cache(async (): Promise<PageReadContext> => {
  const [user, settings] = await Promise.all([getCurrentUser(), getDb().then(getSettings)]);
  return { user, viewer: user, publicRead: settings.publicRead };
});

/** For pages of the dataset: the 401 "sign in" page when the viewer may not read it. */
export async function requireDatasetReader(): Promise<PageReadContext> {
  const ctx = await readContext();
  if (!canReadDataset(ctx)) unauthorized();
  return ctx;
}

/** For route handlers: the caller (token or session) against the setting. */
export async function readContextFor(actor: Actor | null): Promise<ReadContext> {
  const { publicRead } = await getSettings(await getDb());
  return { viewer: actor, publicRead };
}

/** For read routes: 401 when the dataset is not public and nobody is signed in. */
export async function requireReadAccess(actor: Actor | null): Promise<ReadContext> {
  const ctx = await readContextFor(actor);
  if (!canReadDataset(ctx))
    throw new DomainError('unauthorized', 'dataset', 'This dataset is not public; sign in to read it.');
  return ctx;
}
