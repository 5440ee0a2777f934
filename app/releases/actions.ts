'use server';

import { runAction } from '@/server/adapters/action';
import { cutReleaseUseCase } from '@/server/use-cases/releases';

export async function cutReleaseAction(input: unknown) {
  return runAction(cutReleaseUseCase, input);
}
