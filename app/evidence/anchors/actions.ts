'use server';

import { runAction } from '@/server/adapters/action';
import { decideAnchoringUseCase } from '@/server/use-cases/evidence';

/** A curator accepts or rejects the place proposed for a quote in its source's newest text. */
export async function decideAnchoringAction(input: unknown) {
  return runAction(decideAnchoringUseCase, input);
}
