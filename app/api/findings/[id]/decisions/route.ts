import { guarded } from '@/app/api/route-guard';
import { decideAction } from '@/app/review/actions';
import { resultResponse } from '@/lib/http';
import { findingRequest } from '../../finding-request';

/**
 * POST {decision, comment, revisionNo, lockVersion}: a reviewer's decision on
 * the revision awaiting review. The same server action as the review page.
 */
export const POST = guarded(async (req: Request, ctx: RouteContext<'/api/findings/[id]/decisions'>) => {
  const r = await findingRequest(req, (await ctx.params).id, 100_000);
  if (!r.ok) return r.response;
  return resultResponse(await decideAction({ ...r.input, findingId: r.findingId }), 201);
});
