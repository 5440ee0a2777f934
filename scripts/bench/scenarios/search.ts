/** Searches: full-text words and a partial cargo name by date, and full-text ranked by relevance. */
import type { BenchContext } from '../context';
import { rawPageSql as page } from '../raw-sql';
import { fmtInt } from '../util';
import type { QueryCase } from './query-fn';

const WORD = 'angiogenesis';
const CARGO = 'miR-13';
const FTS = `f.search @@ websearch_to_tsquery('english', $q)`;

export async function searchCases(ctx: BenchContext): Promise<{ cases: QueryCase[]; detail: string }> {
  const [wordN] = await ctx.raw.query<{ n: string }>(
    `select count(*) n from findings where approved_revision_id is not null and search @@ websearch_to_tsquery('english', $1)`,
    [WORD],
  );
  const [cargoN] = await ctx.raw.query<{ n: string }>(
    `select count(*) n from findings where approved_revision_id is not null and cargo_text ilike $1`,
    [`%${CARGO}%`],
  );
  const cases: QueryCase[] = [
    {
      key: 'fts',
      label: `full-text search q=${WORD}, by date`,
      params: { q: WORD },
      raw: { sql: page({ where: FTS }).sql, params: [WORD] },
      fnTarget: 15,
      http: true,
    },
    {
      key: 'cargo',
      label: `partial cargo search q=${CARGO}, by date`,
      params: { q: CARGO },
      raw: { sql: page({ where: `f.cargo_text ilike $q` }).sql, params: [`%${CARGO}%`] },
      fnTarget: 15,
      http: true,
    },
    {
      key: 'ranked',
      label: `ranked search q=${WORD}, sort=relevance`,
      params: { q: WORD, sort: 'relevance' },
      raw: {
        sql: page({ where: FTS, order: `ts_rank_cd(f.search, websearch_to_tsquery('english', $1)) desc, f.id desc` })
          .sql,
        params: [WORD],
      },
      fnTarget: 300,
      http: true,
    },
  ];
  const detail = `search words: "${WORD}" matches ${fmtInt(+wordN!.n)} approved findings; "${CARGO}" (partial cargo name) ${fmtInt(+cargoN!.n)}`;
  return { cases, detail };
}
