'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorize } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { decide, reopen, withdraw } from '@/db/queries/review';
import { type ActionResult, fieldErrors, toActionError } from '@/lib/action-result';
import { DECISIONS } from '@/lib/workflow';
import { LIMITS } from '@/lib/validation/text';

const decisionSchema = z.object({
  findingId: z.coerce.number().int().positive(),
  revisionNo: z.coerce.number().int().positive(),
  lockVersion: z.coerce.number().int().nonnegative(),
  decision: z.enum(DECISIONS, { error: 'Choose approve, request changes or reject.' }),
  comment: z
    .string()
    .max(LIMITS.longText, { error: `At most ${LIMITS.longText.toLocaleString('en')} characters.` })
    .refine((s) => !s.includes('\u0000'), { error: 'Contains a control character (such as NUL).' })
    .default(''),
});

const findingRef = z.object({
  findingId: z.coerce.number().int().positive(),
  lockVersion: z.coerce.number().int().nonnegative(),
  comment: z.string().max(2_000).default(''),
});

function revalidate() {
  revalidatePath('/review');
  revalidatePath('/findings');
  revalidatePath('/my-work');
}

/** Approve, request changes or reject the revision awaiting review (reviewers and admins). */
export async function decideAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const auth = await authorize('reviewer');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    const r = await decide(await getDb(), auth.user, parsed.data);
    revalidate();
    return { ok: true, data: { status: r.status } };
  } catch (e) {
    return toActionError(e);
  }
}

/** The author takes their revision back from review. */
export async function withdrawAction(input: unknown): Promise<ActionResult<{ revisionNo: number }>> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = findingRef.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    const r = await withdraw(await getDb(), auth.user, parsed.data);
    revalidate();
    return { ok: true, data: { revisionNo: r.revisionNo } };
  } catch (e) {
    return toActionError(e);
  }
}

/** An admin reopens a rejected finding. */
export async function reopenAction(input: unknown): Promise<ActionResult> {
  const auth = await authorize('admin');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = findingRef.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    await reopen(await getDb(), auth.user, parsed.data);
    revalidate();
    return { ok: true, data: undefined };
  } catch (e) {
    return toActionError(e);
  }
}
