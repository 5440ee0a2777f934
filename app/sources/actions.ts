'use server';

import type { LookupResult } from '@/lib/sources/lookup';
import { runAction } from '@/server/adapters/action';
import { createSourceUseCase, lookupDoiUseCase, updateSourceUseCase } from '@/server/use-cases/sources';

export type DoiLookupAnswer = Exclude<LookupResult, { kind: 'invalid' }>;

export async function lookupDoiAction(input: unknown) {
  return runAction(lookupDoiUseCase, input);
}

export async function createSourceAction(input: unknown) {
  return runAction(createSourceUseCase, input);
}

export async function updateSourceAction(input: unknown) {
  return runAction(updateSourceUseCase, input);
}
