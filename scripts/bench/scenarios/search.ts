/**
 * Searches: full-text words and a partial cargo name by date, and full-text ranked by relevance. The raw
 * side runs the app's own page statement (query-fn.ts), so a search is timed with every branch the app
 * sends: the words against the tsvector or the text as a cargo name (ILIKE).
 */
import type { BenchContext } from '../context';
import { fmtInt } from '../util';
import type { QueryCase } from './query-fn';

const WORD = 'angiogenesis';
const CARGO = 'miR-13';

async function matches(ctx: BenchContext, q: string): Promise<number> {
  // The app's search condition (db/queries/browse.ts): words, or the text as a partial cargo name.
  const [row] = await ctx.raw.query<{ n: string }>(
    `select count(*) n from findings where approved_revision_id is not null
       and (search @@ websearch_to_tsquery('english', $1) or cargo_text ilike '%' || $1 || '%')`,
    [q],
  );
  return Number(row!.n);
}

export async function searchCases(ctx: BenchContext): Promise<{ cases: QueryCase[]; detail: string }> {
  const cases: QueryCase[] = [
    { key: 'fts', label: `full-text search q=${WORD}, by date`, params: { q: WORD }, fnTarget: 15, http: true },
    {
      key: 'cargo',
      label: `partial cargo search q=${CARGO}, by date`,
      params: { q: CARGO },
      fnTarget: 15,
      http: true,
    },
    {
      key: 'ranked',
      label: `ranked search q=${WORD}, sort=relevance`,
      params: { q: WORD, sort: 'relevance' },
      fnTarget: 300,
      http: true,
    },
  ];
  const detail = `search words: "${WORD}" matches ${fmtInt(await matches(ctx, WORD))} approved findings; "${CARGO}" (partial cargo name) ${fmtInt(await matches(ctx, CARGO))}`;
  return { cases, detail };
}
