'use server';

import { runAction } from '@/server/adapters/action';
import { undoMergeUseCase } from '@/server/use-cases/literature';

/** Keeps a merged record apart: it becomes a record of its own, to screen. */
export async function undoMergeAction(input: unknown) {
  return runAction(undoMergeUseCase, input);
}
