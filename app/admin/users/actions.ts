'use server';

import { runAction } from '@/server/adapters/action';
import { changeRoleUseCase, createUserUseCase, setDisabledUseCase } from '@/server/use-cases/admin';

export async function createUserAction(input: unknown) {
  return runAction(createUserUseCase, input);
}

export async function changeRoleAction(input: unknown) {
  return runAction(changeRoleUseCase, input);
}

export async function setDisabledAction(input: unknown) {
  return runAction(setDisabledUseCase, input);
}
