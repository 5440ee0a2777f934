'use server';

import { runScreeningAction } from '@/server/adapters/screening-action';

/** A third screener settles a conflict or an agreed "maybe" (the stage is derived on the server). */
export async function resolveScreeningAction(input: unknown) {
  return runScreeningAction(input);
}
