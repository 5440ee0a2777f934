import { MAX_IMPORT_BYTES } from '@/lib/import/types';
import { readBodyCapped } from '@/server/errors/http';
import { operationRoute } from '@/server/adapters/route';
import { importFindingsUseCase } from '@/server/use-cases/import';

/**
 * POST ?intent=dry_run|commit&mode=draft|submit&name=file.csv with the file itself as the body
 * (CSV or JSON, at most 5 MB — the import's documented cap, larger than the 1 MB of JSON bodies):
 * the same import as the /import page, for scripts.
 */
export const POST = operationRoute(importFindingsUseCase, {
  input: async ({ req }) => {
    const q = new URL(req.url).searchParams;
    const bytes = await readBodyCapped(req, MAX_IMPORT_BYTES);
    return {
      intent: q.get('intent') ?? undefined,
      mode: q.get('mode') ?? undefined,
      file: { name: q.get('name') ?? 'upload', size: bytes.byteLength, bytes },
    };
  },
});
