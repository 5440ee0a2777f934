import { guarded } from '@/app/api/route-guard';
import { saveDraftAction } from '@/app/findings/actions';
import { resultResponse } from '@/lib/http';
import { findingRequest } from '../finding-request';

/** PATCH {lockVersion, content, changeSummary?}: save a draft (the same action as the form's autosave). */
export const PATCH = guarded(async (req: Request, ctx: RouteContext<'/api/findings/[id]'>) => {
  const r = await findingRequest(req, (await ctx.params).id);
  if (!r.ok) return r.response;
  return resultResponse(
    await saveDraftAction({
      ...r.input,
      findingId: r.findingId,
      lockVersion: r.input.lockVersion,
      content: r.input.content,
    }),
  );
});
