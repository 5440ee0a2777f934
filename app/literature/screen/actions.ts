'use server';

import { runScreeningAction } from '@/server/adapters/screening-action';

/** A screener's include / exclude (with a reason) / maybe on one record; blind in dual mode. */
export async function decideScreeningAction(input: unknown) {
  return runScreeningAction(input);
}
