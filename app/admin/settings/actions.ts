'use server';

import { runAction } from '@/server/adapters/action';
import { updateSettingsUseCase } from '@/server/use-cases/admin';

export async function updateSettingsAction(input: unknown) {
  return runAction(updateSettingsUseCase, input);
}
