'use server';

import { revalidatePath } from 'next/cache';
import { authorize } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { cutRelease } from '@/db/queries/releases';
import { type ActionResult, fieldErrors, toActionError } from '@/lib/action-result';
import { releaseInputSchema } from '@/lib/export/release';

export async function cutReleaseAction(
  input: unknown,
): Promise<ActionResult<{ tag: string; findingCount: number; checksum: string }>> {
  const auth = await authorize('admin');
  if (!auth.ok) return { ok: false, error: auth.error, message: auth.message };
  const parsed = releaseInputSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    const r = await cutRelease(await getDb(), auth.user, parsed.data);
    revalidatePath('/releases');
    return { ok: true, data: { tag: r.tag, findingCount: r.findingCount, checksum: r.checksum } };
  } catch (e) {
    return toActionError(e);
  }
}
