import { getDb } from '@/db';
import { browseFindings } from '@/db/queries/browse';
import type { ListResponseDto } from '@/lib/api/dto';
import { toFindingSummaryDto } from '@/lib/api/finding-dto';
import { parseBrowseQuery } from '@/lib/browse/filters';
import { DomainError } from '@/lib/errors';
import { canFilterByStatus } from '@/lib/policy/read';
import { readRoute } from '@/server/adapters/route';
import { apiJson } from '@/server/errors/http';
import { invalidQuery } from '@/server/errors/query';

export const dynamic = 'force-dynamic';

/** GET ?<the findings page's filters>&limit=&cursor= → {data, next_cursor, count}. */
export const GET = readRoute(async ({ req, actor, policy }) => {
  const parsed = parseBrowseQuery(new URL(req.url).searchParams);
  if (!parsed.ok) throw invalidQuery(parsed.errors);
  if (!canFilterByStatus(policy, parsed.query.status))
    throw new DomainError(
      'unauthorized',
      'status',
      'Sign in to filter by workflow status; only approved findings are public.',
      'status',
      { fields: { status: 'Sign in first.' } },
    );
  const page = await browseFindings(await getDb(), parsed.query, actor);
  const body: ListResponseDto = {
    data: page.rows.map((r) => toFindingSummaryDto(r, actor)),
    next_cursor: page.next,
    count: page.count,
  };
  return apiJson(body);
});
