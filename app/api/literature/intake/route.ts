import { MAX_INTAKE_BYTES } from '@/lib/intake/parse';
import { operationRoute } from '@/server/adapters/route';
import { readBodyCapped } from '@/server/errors/http';
import { uploadIntakeUseCase } from '@/server/use-cases/literature';

/**
 * POST ?name=refs.ris[&format=ris|bibtex|nbib|csl_json|ids] with the file itself as the body (at most
 * 20 MB): records become candidates, de-duplicated; the answer carries the counts and the row-by-row report.
 */
export const POST = operationRoute(uploadIntakeUseCase, {
  status: 201,
  input: async ({ req }) => {
    const q = new URL(req.url).searchParams;
    const bytes = await readBodyCapped(req, MAX_INTAKE_BYTES);
    return { filename: q.get('name') ?? 'upload', format: q.get('format') ?? undefined, bytes };
  },
});
