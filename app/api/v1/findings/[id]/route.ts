import { getCurrentUser } from '@/app/(auth)/dal';
import { guarded } from '@/app/api/route-guard';
import { getDb } from '@/db';
import { getFindingByPublicId, getRevision } from '@/db/queries/findings';
import { getSettings } from '@/db/queries/settings';
import { toFindingDetailDto, visibleRevisionId } from '@/lib/api/finding-dto';
import { apiJson, notFound, readDenied } from '@/lib/api/http';
import { parsePublicId } from '@/lib/http-finding';

export const dynamic = 'force-dynamic';

/** GET → the approved revision (or, for a caller who may see it, the one in progress); history when signed in. */
export const GET = guarded(async (_req: Request, ctx: RouteContext<'/api/v1/findings/[id]'>) => {
  const [user, db] = await Promise.all([getCurrentUser(), getDb()]);
  const denied = readDenied((await getSettings(db)).publicRead, user);
  if (denied) return denied;
  const publicId = parsePublicId((await ctx.params).id);
  if (!publicId) return notFound();
  const data = await getFindingByPublicId(db, publicId);
  if (!data) return notFound();
  const latest = data.finding.latestRevisionId ? await getRevision(db, data.finding.latestRevisionId) : undefined;
  const shownId = visibleRevisionId(data.finding, latest, user);
  const revision = shownId === null ? undefined : shownId === latest?.id ? latest : await getRevision(db, shownId);
  if (!revision) return notFound();
  return apiJson(toFindingDetailDto(data, revision, user));
});
