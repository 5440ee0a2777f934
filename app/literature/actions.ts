'use server';

import { runAction } from '@/server/adapters/action';
import { suggestPaperUseCase } from '@/server/use-cases/literature';

/** Any signed-in user suggests a paper (a DOI or a PMID) with a reason; it joins the screening queue. */
export async function suggestPaperAction(input: unknown) {
  return runAction(suggestPaperUseCase, input);
}
