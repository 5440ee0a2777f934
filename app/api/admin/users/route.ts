import { authorize } from '@/app/(auth)/dal';
import { createUserAction } from '@/app/admin/users/actions';
import { guarded } from '@/app/api/route-guard';
import { getDb } from '@/db';
import { listUsers } from '@/db/queries/users';
import { jsonError, readJson, resultResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

export const GET = guarded(async () => {
  const auth = await authorize('admin');
  if (!auth.ok) return jsonError(auth.status, auth.error, auth.message);
  return Response.json({ users: await listUsers(await getDb()) });
});

export const POST = guarded(async (req: Request) => {
  const auth = await authorize('admin');
  if (!auth.ok) return jsonError(auth.status, auth.error, auth.message);
  const body = await readJson(req);
  if (!body.ok) return body.response;
  return resultResponse(await createUserAction(body.body), 201);
});
