'use server';

import { revalidatePath } from 'next/cache';
import { authorize } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { updateSettings } from '@/db/queries/settings';
import { fieldErrors, type ActionResult, toActionError } from '@/lib/action-result';
import { type Settings, settingsUpdateSchema } from '@/lib/settings';

export async function updateSettingsAction(input: unknown): Promise<ActionResult<Settings>> {
  const auth = await authorize('admin');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = settingsUpdateSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    const settings = await updateSettings(await getDb(), auth.user.id, parsed.data);
    // Public read and the approval rule shape every page, not just this one.
    revalidatePath('/', 'layout');
    return { ok: true, data: settings };
  } catch (e) {
    return toActionError(e);
  }
}
