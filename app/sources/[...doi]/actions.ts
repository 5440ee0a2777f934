'use server';

import { runAction } from '@/server/adapters/action';
import { checkSourceUpdatesUseCase } from '@/server/use-cases/literature-watch';

/** A curator asks Crossref now for the source's retraction, correction and concern notices. */
export async function checkSourceUpdatesAction(input: unknown) {
  return runAction(checkSourceUpdatesUseCase, input);
}
