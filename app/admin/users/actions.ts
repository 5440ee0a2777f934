'use server';

import { revalidatePath } from 'next/cache';
import { authorize } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { changeRole, createUser, setUserDisabled } from '@/db/queries/users';
import { changeRoleSchema, newUserSchema, setDisabledSchema } from '@/lib/auth/schemas';
import { fieldErrors, type ActionResult, toActionError } from '@/lib/action-result';

export async function createUserAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  const auth = await authorize('admin');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    const user = await createUser(await getDb(), auth.user.id, parsed.data);
    revalidatePath('/admin/users');
    return { ok: true, data: { id: user.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function changeRoleAction(input: unknown): Promise<ActionResult> {
  const auth = await authorize('admin');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    await changeRole(await getDb(), auth.user.id, parsed.data.userId, parsed.data.role);
    revalidatePath('/admin/users');
    return { ok: true, data: undefined };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setDisabledAction(input: unknown): Promise<ActionResult> {
  const auth = await authorize('admin');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = setDisabledSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    await setUserDisabled(await getDb(), auth.user.id, parsed.data.userId, parsed.data.disabled);
    revalidatePath('/admin/users');
    return { ok: true, data: undefined };
  } catch (e) {
    return toActionError(e);
  }
}
