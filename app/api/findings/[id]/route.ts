import { saveDraftAction } from '@/app/findings/actions';
import { getDb } from '@/db';
import { getEditState } from '@/db/queries/curation';
import { parsePublicId } from '@/lib/http-finding';
import { jsonError, readJson, resultResponse } from '@/lib/http';

/** PATCH {lockVersion, content, changeSummary?}: save a draft (the same action as the form's autosave). */
export async function PATCH(req: Request, ctx: RouteContext<'/api/findings/[id]'>) {
  const publicId = parsePublicId((await ctx.params).id);
  if (!publicId) return jsonError(404, 'not_found', 'No such finding.');
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const state = await getEditState(await getDb(), publicId);
  if (!state) return jsonError(404, 'not_found', 'No such finding.');
  const input = (typeof body.body === 'object' && body.body ? body.body : {}) as Record<string, unknown>;
  return resultResponse(await saveDraftAction({ ...input, findingId: state.finding.id, lockVersion: input.lockVersion, content: input.content }));
}
