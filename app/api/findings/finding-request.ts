import { authorize } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { findingIdByPublicId } from '@/db/queries/my-work';
import { parsePublicId } from '@/lib/http-finding';
import { jsonError, readJson } from '@/lib/http';

/**
 * The common start of a write handler on one finding: a signed-in caller
 * first (so anonymous callers cannot probe which ids exist), then the finding
 * id from the URL and a JSON object body. The action called next checks the
 * role and everything else.
 */
export async function findingRequest(
  req: Request,
  rawId: string,
  maxBytes?: number,
): Promise<{ ok: true; findingId: number; input: Record<string, unknown> } | { ok: false; response: Response }> {
  const auth = await authorize('curator');
  if (!auth.ok) return { ok: false, response: jsonError(auth.status, auth.error, auth.message) };
  const publicId = parsePublicId(rawId);
  const findingId = publicId ? await findingIdByPublicId(await getDb(), publicId) : null;
  if (!findingId) return { ok: false, response: jsonError(404, 'not_found', 'No such finding.') };
  const body = await readJson(req, maxBytes);
  if (!body.ok) return body;
  const input = (typeof body.body === 'object' && body.body && !Array.isArray(body.body) ? body.body : {}) as Record<
    string,
    unknown
  >;
  return { ok: true, findingId, input };
}
