import { getDb } from '@/db';
import { getSourceByDoi } from '@/db/queries/findings';
import { doiFromSegments } from '@/lib/api/params';
import { toSourceDto } from '@/lib/api/source-dto';
import { DomainError } from '@/lib/errors';
import { readRoute } from '@/server/adapters/route';
import { apiJson } from '@/server/errors/http';
import { invalidQuery } from '@/server/errors/query';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sources/{doi…} (any written form of the DOI) → the source and its approved findings. */
export const GET = readRoute<{ doi: string[] }>(async ({ params }) => {
  const doi = doiFromSegments(params.doi);
  if (!doi.ok) throw invalidQuery({ doi: doi.message });
  const data = await getSourceByDoi(await getDb(), doi.doi);
  if (!data) throw new DomainError('not_found', 'source', 'No such source.');
  return apiJson(toSourceDto(data.source, data.findings));
});
