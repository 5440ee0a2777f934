import { getDb } from '@/db';
import { suggestTerms } from '@/db/queries/terms';
import { parseSuggestQuery } from '@/lib/vocab/suggest-query';
import { readRoute } from '@/server/adapters/route';
import { apiJson } from '@/server/errors/http';
import { invalidQuery } from '@/server/errors/query';

export const dynamic = 'force-dynamic';

/** GET ?q=&kind=anatomy,cell&species=&limit= → {data: TermSuggestion[]}: the term picker's suggestions, best first. */
export const GET = readRoute(async ({ req }) => {
  const parsed = parseSuggestQuery(new URL(req.url).searchParams);
  if (!parsed.ok) throw invalidQuery(parsed.errors);
  const { q, kind, species, limit } = parsed.query;
  const data = await suggestTerms(await getDb(), { text: q, kinds: kind, species, limit });
  return apiJson({ data });
});
