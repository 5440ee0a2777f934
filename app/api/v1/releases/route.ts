import { getDb } from '@/db';
import { listReleases } from '@/db/queries/releases';
import { publicOrigin, toReleaseDto } from '@/lib/export/release';
import { readRoute } from '@/server/adapters/route';
import { env } from '@/server/env';
import { apiJson } from '@/server/errors/http';

export const dynamic = 'force-dynamic';

/** GET → {data: releases, newest first}, each with its files' checksums, download links and citation. */
export const GET = readRoute(async ({ req }) => {
  const origin = publicOrigin(env().NEXTAUTH_URL, req.headers);
  return apiJson({ data: (await listReleases(await getDb())).map((r) => toReleaseDto(r, origin)) });
});
