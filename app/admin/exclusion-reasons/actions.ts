'use server';

import { runAction } from '@/server/adapters/action';
import {
  addExclusionReasonUseCase,
  renameExclusionReasonUseCase,
  setExclusionReasonActiveUseCase,
} from '@/server/use-cases/exclusion-reasons';

export async function addExclusionReasonAction(input: unknown) {
  return runAction(addExclusionReasonUseCase, input);
}

export async function renameExclusionReasonAction(input: unknown) {
  return runAction(renameExclusionReasonUseCase, input);
}

/** Retire (active false) or reactivate; reasons are never deleted. */
export async function setExclusionReasonActiveAction(input: unknown) {
  return runAction(setExclusionReasonActiveUseCase, input);
}
