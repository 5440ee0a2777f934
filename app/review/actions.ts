'use server';

import { runAction } from '@/server/adapters/action';
import { decideUseCase, reopenUseCase, withdrawUseCase } from '@/server/use-cases/review';

/** Approve, request changes or reject the revision awaiting review (reviewers and admins). */
export async function decideAction(input: unknown) {
  return runAction(decideUseCase, input);
}

/** The author takes their revision back from review. */
export async function withdrawAction(input: unknown) {
  return runAction(withdrawUseCase, input);
}

/** An admin reopens a rejected finding. */
export async function reopenAction(input: unknown) {
  return runAction(reopenUseCase, input);
}
