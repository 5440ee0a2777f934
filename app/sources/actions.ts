'use server';

import { revalidatePath } from 'next/cache';
import { authorize } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { createSource, lookupDoi, updateSourceMetadata } from '@/db/queries/sources';
import { fieldErrors, type ActionResult, toActionError } from '@/lib/action-result';
import type { LookupResult } from '@/lib/sources/lookup';
import { sourcePath } from '@/lib/sources/paths';
import { createSourceSchema, doiLookupSchema, updateSourceSchema } from '@/lib/sources/schema';

export type DoiLookupAnswer = Exclude<LookupResult, { kind: 'invalid' }>;

export async function lookupDoiAction(input: unknown): Promise<ActionResult<DoiLookupAnswer>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = doiLookupSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    const r = await lookupDoi(await getDb(), parsed.data.doi);
    if (r.kind === 'invalid') return { ok: false, error: 'invalid', message: r.message, fields: { doi: r.message } };
    return { ok: true, data: r };
  } catch (e) {
    return toActionError(e);
  }
}

export async function createSourceAction(input: unknown): Promise<ActionResult<{ id: number; doi: string }>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = createSourceSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { origin, ...metadata } = parsed.data;
  try {
    const source = await createSource(await getDb(), auth.user.id, metadata, origin);
    revalidatePath(sourcePath(source.doi));
    revalidatePath('/');
    return { ok: true, data: { id: source.id, doi: source.doi } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateSourceAction(input: unknown): Promise<ActionResult<{ changed: string[] }>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = updateSourceSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { sourceId, ...metadata } = parsed.data;
  try {
    const { source, changed } = await updateSourceMetadata(await getDb(), auth.user.id, sourceId, metadata);
    revalidatePath(sourcePath(source.doi));
    revalidatePath('/findings');
    return { ok: true, data: { changed } };
  } catch (e) {
    return toActionError(e);
  }
}
