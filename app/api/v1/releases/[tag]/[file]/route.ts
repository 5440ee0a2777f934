import { getDb } from '@/db';
import { getReleaseFile } from '@/db/queries/releases';
import { DomainError } from '@/lib/errors';
import { isReleaseFileName, RELEASE_FILES, RELEASE_TAG_PATTERN, releaseDownloadName } from '@/lib/export/release';
import { readRoute } from '@/server/adapters/route';

export const dynamic = 'force-dynamic';

/** GET findings.csv | findings.json | datapackage.json of a release: the stored bytes, never re-rendered. */
export const GET = readRoute<{ tag: string; file: string }>(async ({ req, params, policy }) => {
  const { publicRead } = policy;
  const { tag, file } = params;
  const notFound = () => new DomainError('not_found', 'release file', 'No such release file.');
  if (!RELEASE_TAG_PATTERN.test(tag) || !isReleaseFileName(file)) throw notFound();
  const stored = await getReleaseFile(await getDb(), tag, RELEASE_FILES[file].format);
  if (!stored) throw notFound();
  const etag = `"${stored.sha256}"`;
  const common = {
    etag,
    // Immutable bytes, but who may read them follows the public-read setting.
    'cache-control': publicRead ? 'public, max-age=3600' : 'private, no-cache',
    ...(publicRead ? {} : { vary: 'Cookie, Authorization' }),
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
