import { getCurrentUser } from '@/app/(auth)/dal';
import { guarded } from '@/app/api/route-guard';
import { getDb } from '@/db';
import { getSourceByDoi } from '@/db/queries/findings';
import { getSettings } from '@/db/queries/settings';
import { toSourceDto } from '@/lib/api/source-dto';
import { apiJson, invalidQuery, notFound, readDenied } from '@/lib/api/http';
import { doiFromSegments } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sources/{doi…} (any written form of the DOI) → the source and its approved findings. */
export const GET = guarded(async (_req: Request, ctx: RouteContext<'/api/v1/sources/[...doi]'>) => {
  const [user, db] = await Promise.all([getCurrentUser(), getDb()]);
  const denied = readDenied((await getSettings(db)).publicRead, user);
  if (denied) return denied;
  const doi = doiFromSegments((await ctx.params).doi);
  if (!doi.ok) return invalidQuery({ doi: doi.message });
  const data = await getSourceByDoi(db, doi.doi);
  if (!data) return notFound('source');
  return apiJson(toSourceDto(data.source, data.findings));
});
