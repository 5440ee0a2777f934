import { z } from 'zod';
import { authorize } from '@/app/(auth)/dal';
import { changeRoleAction, setDisabledAction } from '@/app/admin/users/actions';
import { guarded } from '@/app/api/route-guard';
import { jsonError, readJson, resultResponse } from '@/lib/http';
import { ROLES } from '@/lib/vocab/terms';

const patchSchema = z
  .object({ role: z.enum(ROLES.values).optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((b) => b.role !== undefined || b.disabled !== undefined, { error: 'Send role and/or disabled.' });

export const PATCH = guarded(async (req: Request, ctx: RouteContext<'/api/admin/users/[id]'>) => {
  const auth = await authorize('admin');
  if (!auth.ok) return jsonError(auth.status, auth.error, auth.message);
  const userId = Number((await ctx.params).id);
  if (!Number.isInteger(userId) || userId <= 0)
    return jsonError(400, 'invalid', 'The user id must be a positive integer.');
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = patchSchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, 'invalid', parsed.error.issues[0]?.message ?? 'Invalid body.');
  if (parsed.data.role !== undefined) {
    const r = await changeRoleAction({ userId, role: parsed.data.role });
    if (!r.ok) return resultResponse(r);
  }
  if (parsed.data.disabled !== undefined) {
    const r = await setDisabledAction({ userId, disabled: parsed.data.disabled });
    if (!r.ok) return resultResponse(r);
  }
  return Response.json({ ok: true });
});
