import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/app/(auth)/dal';
import { guarded } from '@/app/api/route-guard';
import { getDbHandle } from '@/db';
import { exportStream } from '@/db/queries/export-stream';
import { getSettings } from '@/db/queries/settings';
import { domainErrorResponse, invalidQuery, readDenied } from '@/lib/api/http';
import { parseBrowseQuery } from '@/lib/browse/filters';
import { EXPORT_CONTENT_TYPES, exportFilename, openExportStream } from '@/lib/export/encode';
import { exportFilterParams, parseExportOptions } from '@/lib/export/options';

export const dynamic = 'force-dynamic';

/**
 * GET ?format=csv|json|ndjson&bom=1&<the findings page's filters>: every approved finding
 * matching them, streamed as the database writes them (see lib/export/record.ts for the
 * format contract, db/queries/export.ts exportStream for how).
 */
export const GET = guarded(async (req: NextRequest) => {
  const [user, handle] = await Promise.all([getCurrentUser(), getDbHandle()]);
  const denied = readDenied((await getSettings(handle.db)).publicRead, user);
  if (denied) return denied;
  const options = parseExportOptions(req.nextUrl.searchParams);
  const filters = parseBrowseQuery(exportFilterParams(req.nextUrl.searchParams));
  if (!options.ok || !filters.ok)
    return invalidQuery({ ...(options.ok ? {} : options.errors), ...(filters.ok ? {} : filters.errors) });
  const { format, bom } = options.options;
  try {
    const chunks = exportStream(handle, { query: filters.query, viewer: user }, format, { bom });
    const body = await openExportStream(chunks, (e) => console.error('export: stream aborted', e));
    return new Response(body, {
      headers: {
        'content-type': EXPORT_CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="${exportFilename(format)}"`,
        'cache-control': 'private, no-store',
        vary: 'Cookie',
      },
    });
  } catch (e) {
    return domainErrorResponse(e);
  }
});
