import { decideAction } from '@/app/review/actions';
import { getDb } from '@/db';
import { getEditState } from '@/db/queries/curation';
import { parsePublicId } from '@/lib/http-finding';
import { jsonError, readJson, resultResponse } from '@/lib/http';

/**
 * POST {decision, comment, revisionNo, lockVersion}: a reviewer's decision on
 * the revision awaiting review. The same server action as the review page.
 */
export async function POST(req: Request, ctx: RouteContext<'/api/findings/[id]/decisions'>) {
  const publicId = parsePublicId((await ctx.params).id);
  if (!publicId) return jsonError(404, 'not_found', 'No such finding.');
  const body = await readJson(req, 100_000);
  if (!body.ok) return body.response;
  const state = await getEditState(await getDb(), publicId);
  if (!state) return jsonError(404, 'not_found', 'No such finding.');
  const input = typeof body.body === 'object' && body.body ? body.body : {};
  return resultResponse(await decideAction({ ...input, findingId: state.finding.id }), 201);
}
