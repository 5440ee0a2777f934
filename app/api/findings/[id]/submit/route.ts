import { guarded } from '@/app/api/route-guard';
import { submitFindingAction } from '@/app/findings/actions';
import { resultResponse } from '@/lib/http';
import { findingRequest } from '../../finding-request';

/** POST {lockVersion, content?, changeSummary?}: save and submit the caller's draft. */
export const POST = guarded(async (req: Request, ctx: RouteContext<'/api/findings/[id]/submit'>) => {
  const r = await findingRequest(req, (await ctx.params).id);
  if (!r.ok) return r.response;
  return resultResponse(
    await submitFindingAction({ ...r.input, findingId: r.findingId, lockVersion: r.input.lockVersion }),
  );
});
