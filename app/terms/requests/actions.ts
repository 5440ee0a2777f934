'use server';

import { runAction } from '@/server/adapters/action';
import {
  acceptTermRequestUseCase,
  declineTermRequestUseCase,
  groundFindingsByTextUseCase,
  mapTermRequestUseCase,
  previewGroundingUseCase,
  requestTermUseCase,
} from '@/server/use-cases/term-requests';

export async function requestTermAction(input: unknown) {
  return runAction(requestTermUseCase, input);
}

export async function acceptTermRequestAction(input: unknown) {
  return runAction(acceptTermRequestUseCase, input);
}

export async function mapTermRequestAction(input: unknown) {
  return runAction(mapTermRequestUseCase, input);
}

export async function declineTermRequestAction(input: unknown) {
  return runAction(declineTermRequestUseCase, input);
}

export async function previewGroundingAction(input: unknown) {
  return runAction(previewGroundingUseCase, input);
}

export async function groundFindingsAction(input: unknown) {
  return runAction(groundFindingsByTextUseCase, input);
}
