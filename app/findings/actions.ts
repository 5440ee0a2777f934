'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorize } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { createFinding, revertToRevision, saveDraft, submitFinding } from '@/db/queries/curation';
import { type ActionResult, toActionError } from '@/lib/action-result';

const ids = z.object({
  findingId: z.coerce.number().int().positive(),
  lockVersion: z.coerce.number().int().nonnegative(),
  editSession: z
    .string()
    .regex(/^[\w-]{8,64}$/)
    .nullish(),
});
const editSession = z
  .string()
  .regex(/^[\w-]{8,64}$/)
  .nullish();

function badRequest(): ActionResult<never> {
  return { ok: false, error: 'invalid', message: 'The request was malformed; reload the page and try again.' };
}

/** First save of a new finding: creates it with a draft revision 1. */
export async function createFindingAction(input: {
  sourceId: unknown;
  content: unknown;
  changeSummary?: unknown;
  editSession?: unknown;
}): Promise<ActionResult<{ findingId: number; publicId: string; lockVersion: number; savedAt: string }>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const sourceId = z.coerce.number().int().positive().safeParse(input?.sourceId);
  const session = editSession.safeParse(input?.editSession);
  if (!sourceId.success || !session.success) return badRequest();
  try {
    const r = await createFinding(await getDb(), auth.user, {
      sourceId: sourceId.data,
      content: input.content,
      changeSummary: input.changeSummary,
      editSession: session.data ?? null,
    });
    // No revalidatePath here: every page is rendered per request, and a refresh would re-render the
    // editor under its new URL mid-typing (the form moves itself to /findings/EVX-…/edit).
    return {
      ok: true,
      data: {
        findingId: r.findingId,
        publicId: r.publicId,
        lockVersion: r.lockVersion,
        savedAt: new Date().toISOString(),
      },
    };
  } catch (e) {
    return toActionError(e);
  }
}

/** Autosave / "Save draft": into the actor's open draft, or a new draft revision. */
export async function saveDraftAction(input: {
  findingId: unknown;
  lockVersion: unknown;
  content: unknown;
  changeSummary?: unknown;
  editSession?: unknown;
}): Promise<ActionResult<{ lockVersion: number; revisionNo: number; savedAt: string }>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = ids.safeParse(input);
  if (!parsed.success) return badRequest();
  try {
    const r = await saveDraft(await getDb(), auth.user, {
      ...parsed.data,
      content: input.content,
      changeSummary: input.changeSummary,
    });
    return {
      ok: true,
      data: { lockVersion: r.lockVersion, revisionNo: r.revisionNo, savedAt: new Date().toISOString() },
    };
  } catch (e) {
    return toActionError(e);
  }
}

export async function submitFindingAction(input: {
  findingId: unknown;
  lockVersion: unknown;
  content?: unknown;
  changeSummary?: unknown;
  editSession?: unknown;
}): Promise<ActionResult<{ lockVersion: number; revisionNo: number }>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = ids.safeParse(input);
  if (!parsed.success) return badRequest();
  try {
    const r = await submitFinding(await getDb(), auth.user, {
      ...parsed.data,
      content: input.content,
      changeSummary: input.changeSummary,
    });
    revalidatePath('/my-work');
    revalidatePath('/findings');
    return { ok: true, data: r };
  } catch (e) {
    return toActionError(e);
  }
}

export async function revertAction(input: {
  findingId: unknown;
  lockVersion: unknown;
  revisionNo: unknown;
}): Promise<ActionResult<{ revisionNo: number }>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = ids.extend({ revisionNo: z.coerce.number().int().positive() }).safeParse(input);
  if (!parsed.success) return badRequest();
  try {
    const r = await revertToRevision(await getDb(), auth.user, parsed.data);
    revalidatePath('/my-work');
    return { ok: true, data: { revisionNo: r.revisionNo } };
  } catch (e) {
    return toActionError(e);
  }
}
