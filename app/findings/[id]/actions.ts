'use server';

import { revalidatePath } from 'next/cache';
import { authorize } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { addComment, raiseFlag, resolveFlag } from '@/db/queries/discussion';
import { type ActionResult, toActionError } from '@/lib/action-result';

// Comments and flags: any signed-in user comments and flags; reviewers resolve flags.

export async function addCommentAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  try {
    const r = await addComment(await getDb(), auth.user, input);
    revalidatePath('/findings/[id]', 'page');
    return { ok: true, data: r };
  } catch (e) {
    return toActionError(e);
  }
}

export async function raiseFlagAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  try {
    const r = await raiseFlag(await getDb(), auth.user, input);
    revalidatePath('/findings/[id]', 'page');
    return { ok: true, data: r };
  } catch (e) {
    return toActionError(e);
  }
}

export async function resolveFlagAction(input: unknown): Promise<ActionResult> {
  const auth = await authorize('reviewer');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  try {
    await resolveFlag(await getDb(), auth.user, input);
    revalidatePath('/findings/[id]', 'page');
    return { ok: true, data: undefined };
  } catch (e) {
    return toActionError(e);
  }
}
