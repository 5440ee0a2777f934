import type { NextRequest } from 'next/server';
import { getDb } from '@/db';
import { literaturePrismaCounts } from '@/db/queries/prisma';
import { prismaCsv } from '@/lib/prisma/csv';
import { route } from '@/server/adapters/route';
import { invalidQuery } from '@/server/errors/query';
import { actorFromRequest } from '@/server/session';
import { authorizeActor } from '@/server/use-case';

export const dynamic = 'force-dynamic';

/** The PRISMA 2020 flow of the literature intake as CSV (stage,label,count); `?batch=<id>` for one upload. */
export const GET = route(async (req: NextRequest) => {
  authorizeActor({ role: 'curator', writes: false }, await actorFromRequest(req));
  const raw = req.nextUrl.searchParams.get('batch');
  const batchId = raw === null ? undefined : Number(raw);
  if (batchId !== undefined && !(Number.isInteger(batchId) && batchId > 0))
    throw invalidQuery({ batch: 'Expected the id of an upload.' });
  const counts = await literaturePrismaCounts(await getDb(), { batchId });
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return new Response(prismaCsv(counts), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="prisma-flow-${batchId ? `upload-${batchId}-` : ''}${day}.csv"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
