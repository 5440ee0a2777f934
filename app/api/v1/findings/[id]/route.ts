import { getDb } from '@/db';
import { getFindingByPublicId, getRevision } from '@/db/queries/findings';
import { toFindingDetailDto } from '@/lib/api/finding-dto';
import { DomainError } from '@/lib/errors';
import { parsePublicId } from '@/lib/finding/public-id';
import { shownRevisionId } from '@/lib/policy/read';
import { readRoute } from '@/server/adapters/route';
import { apiJson } from '@/server/errors/http';

export const dynamic = 'force-dynamic';

const notFound = () => new DomainError('not_found', 'finding', 'No such finding.');

/** GET → the approved revision (or, for a caller who may see it, the one in progress); history when signed in. */
export const GET = readRoute<{ id: string }>(async ({ params, policy }) => {
  const db = await getDb();
  const publicId = parsePublicId(params.id);
  const data = publicId ? await getFindingByPublicId(db, publicId) : null;
  if (!data) throw notFound();
  const latest = data.finding.latestRevisionId ? await getRevision(db, data.finding.latestRevisionId) : undefined;
  const shownId = shownRevisionId(policy, data.finding, latest);
  const revision = shownId === null ? undefined : shownId === latest?.id ? latest : await getRevision(db, shownId);
  if (!revision) throw notFound();
  return apiJson(toFindingDetailDto(data, revision, policy));
});
