'use server';

import { runAction } from '@/server/adapters/action';
import { createTokenUseCase, revokeTokenUseCase } from '@/server/use-cases/tokens';

export async function createTokenAction(input: unknown) {
  return runAction(createTokenUseCase, input);
}

export async function revokeTokenAction(input: unknown) {
  return runAction(revokeTokenUseCase, input);
}
