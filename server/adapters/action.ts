/**
 * A server action as an adapter over a use case: the session's actor → execute → revalidate the
 * pages it changed → a result union. Every failure becomes a result (server/errors/action-result.ts).
 */
import 'server-only';
import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { toActionResult } from '../errors/action-result';
import { sessionActor } from '../session';
import { execute, type UseCase } from '../use-case';

export async function runAction<S extends z.ZodType, O>(uc: UseCase<S, O>, raw: unknown): Promise<ActionResult<O>> {
  try {
    const { input, output } = await execute(uc, await sessionActor(), raw);
    for (const p of uc.revalidate?.(input, output) ?? []) {
      if (typeof p === 'string') revalidatePath(p);
      else revalidatePath(p[0], p[1]);
    }
    return { ok: true, data: output };
  } catch (e) {
    unstable_rethrow(e);
    return toActionResult(e);
  }
}
