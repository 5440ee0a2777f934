import type { NextRequest } from 'next/server';
import { getDb } from '@/db';
import { iterateAuditEvents } from '@/db/queries/audit-log';
import { auditCsvStream } from '@/lib/audit/csv';
import { parseAuditQuery } from '@/lib/audit/filters';
import { route } from '@/server/adapters/route';
import { invalidQuery } from '@/server/errors/query';
import { actorFromRequest } from '@/server/session';
import { authorizeActor } from '@/server/use-case';

export const dynamic = 'force-dynamic';

/** All events matching the page's filters as CSV, streamed 1000 rows at a time. */
export const GET = route(async (req: NextRequest) => {
  authorizeActor({ role: 'admin', writes: false }, await actorFromRequest(req));
  const params = new URLSearchParams(req.nextUrl.searchParams);
  // The export is every matching event, whatever page the link was on.
  params.delete('before');
  const query = parseAuditQuery(params);
  if (!query.ok) throw invalidQuery(query.errors as Record<string, string>);
  const body = auditCsvStream(iterateAuditEvents(await getDb(), query.filters, 1000));
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${day}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
