'use server';

import { runAction } from '@/server/adapters/action';
import { addCommentUseCase, raiseFlagUseCase, resolveFlagUseCase } from '@/server/use-cases/discussion';
import { releaseOverrideUseCase } from '@/server/use-cases/literature-watch';

export async function addCommentAction(input: unknown) {
  return runAction(addCommentUseCase, input);
}

export async function raiseFlagAction(input: unknown) {
  return runAction(raiseFlagUseCase, input);
}

export async function resolveFlagAction(input: unknown) {
  return runAction(resolveFlagUseCase, input);
}

/** A reviewer keeps a finding of a retracted source in new releases, with a comment. */
export async function releaseOverrideAction(input: unknown) {
  return runAction(releaseOverrideUseCase, input);
}
