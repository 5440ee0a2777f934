'use server';

import { runAction } from '@/server/adapters/action';
import {
  createFindingUseCase,
  revertFindingUseCase,
  saveDraftUseCase,
  submitFindingUseCase,
} from '@/server/use-cases/findings';

/** First save of a new finding: creates it with a draft revision 1. */
export async function createFindingAction(input: unknown) {
  return runAction(createFindingUseCase, input);
}

/** Autosave / "Save draft": into the actor's open draft, or a new draft revision. */
export async function saveDraftAction(input: unknown) {
  return runAction(saveDraftUseCase, input);
}

export async function submitFindingAction(input: unknown) {
  return runAction(submitFindingUseCase, input);
}

export async function revertAction(input: unknown) {
  return runAction(revertFindingUseCase, input);
}
