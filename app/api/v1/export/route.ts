import { getDbHandle } from '@/db';
import { exportStream } from '@/db/queries/export-stream';
import { resolveFilterTerms } from '@/db/queries/filter-terms';
import { parseBrowseQuery } from '@/lib/browse/filters';
import { EXPORT_CONTENT_TYPES, exportFilename, openExportStream } from '@/lib/export/encode';
import { exportFilterParams, parseExportOptions } from '@/lib/export/options';
import { readRoute } from '@/server/adapters/route';
import { invalidQuery } from '@/server/errors/query';

export const dynamic = 'force-dynamic';

/**
 * GET ?format=csv|json|ndjson&bom=1&<the findings page's filters>: every approved finding
 * matching them: each approved finding's stored export record (written by the database at approval,
 * db/queries/export-records.ts), streamed by COPY on a server and in keyset batches on PGlite
 * (db/queries/export-stream.ts exportStream); lib/export/record.ts is the format contract.
 */
export const GET = readRoute(async ({ req, actor }) => {
  const params = new URL(req.url).searchParams;
  const options = parseExportOptions(params);
  const filters = parseBrowseQuery(exportFilterParams(params));
  if (!options.ok || !filters.ok)
    throw invalidQuery({ ...(options.ok ? {} : options.errors), ...(filters.ok ? {} : filters.errors) });
  const handle = await getDbHandle();
  // An unknown term id, or one of the wrong kind for its filter, is a 400 here as on the list, not an empty file.
  await resolveFilterTerms(handle.db, filters.query);
  const { format, bom } = options.options;
  // The viewer decides which rows (db/queries/browse.ts applies the same public view as the list).
  const chunks = exportStream(handle, { query: filters.query, viewer: actor }, format, { bom });
  const body = await openExportStream(chunks, (e) => console.error('export: stream aborted', e));
  return new Response(body, {
    headers: {
      'content-type': EXPORT_CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${exportFilename(format)}"`,
      'cache-control': 'private, no-store',
      vary: 'Cookie, Authorization',
    },
  });
});
