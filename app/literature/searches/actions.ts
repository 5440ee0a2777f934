'use server';

import { runAction } from '@/server/adapters/action';
import { createSavedSearchUseCase, runSavedSearchUseCase } from '@/server/use-cases/literature-watch';

/** A curator saves a Europe PMC query with a date window and a schedule. */
export async function createSavedSearchAction(input: unknown) {
  return runAction(createSavedSearchUseCase, input);
}

/** A curator runs a saved search now; new records join the screening queue. */
export async function runSavedSearchAction(input: unknown) {
  return runAction(runSavedSearchUseCase, input);
}
