import { getCurrentUser } from '@/app/(auth)/dal';
import { guarded } from '@/app/api/route-guard';
import { getDb } from '@/db';
import { browseFindings } from '@/db/queries/browse';
import { getSettings } from '@/db/queries/settings';
import type { ListResponseDto } from '@/lib/api/dto';
import { toFindingSummaryDto } from '@/lib/api/finding-dto';
import { apiJson, domainErrorResponse, invalidQuery, readDenied, statusDenied } from '@/lib/api/http';
import { parseBrowseQuery } from '@/lib/browse/filters';

export const dynamic = 'force-dynamic';

/** GET ?<the findings page's filters>&limit=&cursor= → {data, next_cursor, count}. */
export const GET = guarded(async (req: Request) => {
  const [user, db] = await Promise.all([getCurrentUser(), getDb()]);
  const denied = readDenied((await getSettings(db)).publicRead, user);
  if (denied) return denied;
  const parsed = parseBrowseQuery(new URL(req.url).searchParams);
  if (!parsed.ok) return invalidQuery(parsed.errors);
  const noStatus = statusDenied(parsed.query, user);
  if (noStatus) return noStatus;
  try {
    const page = await browseFindings(db, parsed.query, user);
    const body: ListResponseDto = {
      data: page.rows.map((r) => toFindingSummaryDto(r, user)),
      next_cursor: page.next,
      count: page.count,
    };
    return apiJson(body);
  } catch (e) {
    return domainErrorResponse(e);
  }
});
