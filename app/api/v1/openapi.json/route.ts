import { buildOpenApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-static';

/** The OpenAPI 3.1 description of /api/v1, built from the same vocabularies, filters and columns the API uses. */
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { 'cache-control': 'public, max-age=3600' } });
}
