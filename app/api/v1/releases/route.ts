import { headers } from 'next/headers';
import { getCurrentUser } from '@/app/(auth)/dal';
import { guarded } from '@/app/api/route-guard';
import { getDb } from '@/db';
import { listReleases } from '@/db/queries/releases';
import { getSettings } from '@/db/queries/settings';
import { apiJson, readDenied } from '@/lib/api/http';
import { publicOrigin, toReleaseDto } from '@/lib/export/release';
import { env } from '@/server/env';

export const dynamic = 'force-dynamic';

/** GET → {data: releases, newest first}, each with its files' checksums, download links and citation. */
export const GET = guarded(async () => {
  const [user, db] = await Promise.all([getCurrentUser(), getDb()]);
  const denied = readDenied((await getSettings(db)).publicRead, user);
  if (denied) return denied;
  const origin = publicOrigin(env().NEXTAUTH_URL, await headers());
  return apiJson({ data: (await listReleases(db)).map((r) => toReleaseDto(r, origin)) });
});
