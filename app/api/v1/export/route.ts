import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { iterateExportRows } from '@/db/queries/export';
import { getSettings } from '@/db/queries/settings';
import { domainErrorResponse, invalidQuery, readDenied } from '@/lib/api/http';
import { parseBrowseQuery } from '@/lib/browse/filters';
import { EXPORT_CONTENT_TYPES, encodeExport, exportFilename, openExportStream } from '@/lib/export/encode';
import { exportFilterParams, parseExportOptions } from '@/lib/export/options';

export const dynamic = 'force-dynamic';

/**
 * GET ?format=csv|json|ndjson&bom=1&<the findings page's filters>: every approved finding
 * matching them, streamed from the database in keyset batches (see lib/export/record.ts
 * for the format contract).
 */
export async function GET(req: NextRequest) {
  const [user, db] = await Promise.all([getCurrentUser(), getDb()]);
  const denied = readDenied((await getSettings(db)).publicRead, user);
  if (denied) return denied;
  const options = parseExportOptions(req.nextUrl.searchParams);
  const filters = parseBrowseQuery(exportFilterParams(req.nextUrl.searchParams));
  if (!options.ok || !filters.ok) return invalidQuery({ ...(options.ok ? {} : options.errors), ...(filters.ok ? {} : filters.errors) });
  const { format, bom } = options.options;
  try {
    const rows = iterateExportRows(db, { query: filters.query, viewer: user });
    const body = await openExportStream(encodeExport(format, rows, { bom }), (e) => console.error('export: stream aborted', e));
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
}
