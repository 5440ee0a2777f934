'use server';

import { runAction } from '@/server/adapters/action';
import { addCommentUseCase, raiseFlagUseCase, resolveFlagUseCase } from '@/server/use-cases/discussion';

export async function addCommentAction(input: unknown) {
  return runAction(addCommentUseCase, input);
}

export async function raiseFlagAction(input: unknown) {
  return runAction(raiseFlagUseCase, input);
}

export async function resolveFlagAction(input: unknown) {
  return runAction(resolveFlagUseCase, input);
}
