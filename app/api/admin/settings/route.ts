import { ZodError } from 'zod';
import { authorize } from '@/app/(auth)/dal';
import { guarded } from '@/app/api/route-guard';
import { getDb } from '@/db';
import { getSettings, updateSettings } from '@/db/queries/settings';
import { jsonError, readJson } from '@/lib/http';

export const dynamic = 'force-dynamic';

export const GET = guarded(async () => {
  const auth = await authorize('admin');
  if (!auth.ok) return jsonError(auth.status, auth.error, auth.message);
  return Response.json(await getSettings(await getDb()));
});

/** POST {approvalsRequired?, publicRead?}: change settings (admin). */
export const POST = guarded(async (req: Request) => {
  const auth = await authorize('admin');
  if (!auth.ok) return jsonError(auth.status, auth.error, auth.message);
  const body = await readJson(req, 10_000);
  if (!body.ok) return body.response;
  try {
    return Response.json(await updateSettings(await getDb(), auth.user.id, body.body));
  } catch (e) {
    if (e instanceof ZodError) return jsonError(400, 'invalid', e.issues[0]?.message ?? 'Invalid settings.');
    console.error(e);
    return jsonError(500, 'internal', 'The settings could not be saved; nothing was changed.');
  }
});
