import { getCurrentUser } from '@/app/(auth)/dal';
import { guarded } from '@/app/api/route-guard';
import { getDb } from '@/db';
import { getReleaseFile } from '@/db/queries/releases';
import { getSettings } from '@/db/queries/settings';
import { notFound, readDenied } from '@/lib/api/http';
import { isReleaseFileName, RELEASE_FILES, RELEASE_TAG_PATTERN, releaseDownloadName } from '@/lib/export/release';

export const dynamic = 'force-dynamic';

/** GET findings.csv | findings.json | datapackage.json of a release: the stored bytes, never re-rendered. */
export const GET = guarded(async (req: Request, ctx: RouteContext<'/api/v1/releases/[tag]/[file]'>) => {
  const [user, db] = await Promise.all([getCurrentUser(), getDb()]);
  const { publicRead } = await getSettings(db);
  const denied = readDenied(publicRead, user);
  if (denied) return denied;
  const { tag, file } = await ctx.params;
  if (!RELEASE_TAG_PATTERN.test(tag) || !isReleaseFileName(file)) return notFound('release file');
  const stored = await getReleaseFile(db, tag, RELEASE_FILES[file].format);
  if (!stored) return notFound('release file');
  const etag = `"${stored.sha256}"`;
  const common = {
    etag,
    // Immutable bytes, but who may read them follows the public-read setting.
    'cache-control': publicRead ? 'public, max-age=3600' : 'private, no-cache',
    ...(publicRead ? {} : { vary: 'Cookie' }),
  };
  const match = req.headers.get('if-none-match');
  if (match && match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag))
    return new Response(null, { status: 304, headers: common });
  return new Response(new Uint8Array(stored.body), {
    headers: {
      ...common,
      'content-type': stored.contentType,
      'content-length': String(stored.body.length),
      'content-disposition': `attachment; filename="${releaseDownloadName(tag, file)}"`,
    },
  });
});
