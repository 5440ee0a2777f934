import { authorize } from '@/app/(auth)/dal';
import { guarded } from '@/app/api/route-guard';
import { createFindingAction } from '@/app/findings/actions';
import { getDb } from '@/db';
import { findSourceByDoi } from '@/db/queries/sources';
import { jsonError, readJson, resultResponse } from '@/lib/http';

/** POST {doi, content, changeSummary?}: start a new finding as a draft of the caller. */
export const POST = guarded(async (req: Request) => {
  // A signed-in curator first, as on the other write routes: anonymous callers learn nothing about sources.
  const auth = await authorize('curator');
  if (!auth.ok) return jsonError(auth.status, auth.error, auth.message);
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const input = (typeof body.body === 'object' && body.body ? body.body : {}) as Record<string, unknown>;
  if (typeof input.doi !== 'string' || input.doi.length > 400)
    return jsonError(400, 'invalid', 'Give the source as "doi".', { doi: 'Required.' });
  const source = await findSourceByDoi(await getDb(), input.doi);
  if (!source)
    return jsonError(404, 'not_found:source', 'No source with that DOI; add it first.', { doi: 'Not recorded yet.' });
  return resultResponse(
    await createFindingAction({ sourceId: source.id, content: input.content, changeSummary: input.changeSummary }),
    201,
  );
});
