import { authorize } from '@/app/(auth)/dal';
import { guarded } from '@/app/api/route-guard';
import { getDb } from '@/db';
import { getWorkflowTrail } from '@/db/queries/review';
import { parsePublicId } from '@/lib/http-finding';
import { jsonError } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** GET: where a finding stands (status, lock version, latest revision) and its audit trail. Signed-in users. */
export const GET = guarded(async (_req: Request, ctx: RouteContext<'/api/findings/[id]/workflow'>) => {
  const auth = await authorize('curator');
  if (!auth.ok) return jsonError(auth.status, auth.error, auth.message);
  const publicId = parsePublicId((await ctx.params).id);
  const trail = publicId ? await getWorkflowTrail(await getDb(), publicId) : null;
  if (!trail) return jsonError(404, 'not_found', 'No such finding.');
  // A draft that was never submitted is private to its author.
  if (trail.latestIsDraft && !trail.approved && trail.latestAuthorId !== auth.user.id)
    return jsonError(404, 'not_found', 'No such finding.');
  const { latestAuthorId: _a, latestIsDraft: _d, ...body } = trail;
  return Response.json(body);
});
