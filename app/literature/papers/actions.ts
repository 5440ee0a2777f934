'use server';

import { runAction } from '@/server/adapters/action';
import { assignPaperUseCase, claimPaperUseCase, setCurationStatusUseCase } from '@/server/use-cases/assignments';

/** A reviewer or admin assigns an included paper to a curator (or to nobody). */
export async function assignPaperAction(input: unknown) {
  return runAction(assignPaperUseCase, input);
}

/** A curator takes an included paper nobody has yet. */
export async function claimPaperAction(input: unknown) {
  return runAction(claimPaperUseCase, input);
}

/** The assignee (or a reviewer or admin) sets where the paper's curation stands. */
export async function setCurationStatusAction(input: unknown) {
  return runAction(setCurationStatusUseCase, input);
}
