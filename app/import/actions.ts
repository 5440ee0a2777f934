'use server';

import { MAX_IMPORT_BYTES } from '@/lib/import/types';
import { runAction } from '@/server/adapters/action';
import { importFindingsUseCase } from '@/server/use-cases/import';

export type { ImportOutcome } from '@/server/use-cases/import';

/** The upload form's fields as the import use case takes them; an oversized file is never read. */
async function fromFormData(formData: unknown) {
  // Called directly, an action gets whatever the caller sent.
  if (!(formData instanceof FormData)) return {};
  const file = formData.get('file');
  return {
    intent: formData.get('intent'),
    mode: formData.get('mode'),
    file:
      file instanceof File
        ? {
            name: file.name,
            size: file.size,
            bytes: file.size <= MAX_IMPORT_BYTES ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
          }
        : undefined,
  };
}

/** Dry run (a row-by-row report) or commit (every row or none) of an uploaded CSV/JSON file. */
export async function importFindingsAction(formData: FormData) {
  return runAction(importFindingsUseCase, await fromFormData(formData));
}
