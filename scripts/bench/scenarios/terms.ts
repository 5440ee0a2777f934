/**
 * Term suggestions (the term picker's `GET /api/terms`) in-process: the app's suggestTerms over
 * realistic queries — organs, cells, cell lines, miRNAs of a species, genes, diseases, ids,
 * partial words, typos, one-letter prefixes — each `--runs` times, interleaved; p50/p95/max over
 * every call against the issue's ≤ 50 ms p95 at the server. Every query must answer without an
 * error, and those that name a term must find it (a broken query that answers [] fast is no
 * measurement). The slowest query's SQL is also run as EXPLAIN ANALYZE on the raw side.
 */
import { suggestTerms } from '../../../db/queries/terms';
import type { TermKind } from '../../../lib/vocab/sources';
import { appHandle, type BenchContext, type Section } from '../context';
import { captureSql, rawTimes } from '../raw';
import { fmtMs, quantile, ratioTime } from '../util';

type TermQuery = { text: string; kinds: TermKind[]; species?: string; expect?: string };

const MOUSE = 'NCBITaxon:10090';
const HUMAN = 'NCBITaxon:9606';
const RAT = 'NCBITaxon:10116';
const EV_SOURCE: TermKind[] = ['anatomy', 'cell', 'cell_line'];

export const TERM_QUERIES: TermQuery[] = [
  { text: 'bone marrow', kinds: ['anatomy'], expect: 'UBERON:0002371' },
  { text: 'skeletal muscle', kinds: ['anatomy'], expect: 'UBERON:0001134' },
  { text: 'liver', kinds: ['anatomy'], expect: 'UBERON:0002107' },
  { text: 'adipose', kinds: ['anatomy'], expect: 'UBERON:0001013' },
  { text: 'hippocampus', kinds: ['anatomy'] },
  { text: 'skeletal mucsle', kinds: ['anatomy', 'cell'] },
  { text: 'satellite cell', kinds: ['cell'], expect: 'CL:0000594' },
  { text: 'satelite cell', kinds: ['cell'], expect: 'CL:0000594' },
  { text: 'myotube', kinds: ['cell'], expect: 'CL:0002372' },
  { text: 'macrophage', kinds: ['cell', 'cell_line'], expect: 'CL:0000235' },
  { text: 'mesenchymal stem', kinds: ['cell'], expect: 'CL:0000134' },
  { text: 'C2C12', kinds: EV_SOURCE, expect: 'cellosaurus:CVCL_0188' },
  { text: 'HepG2', kinds: ['cell', 'cell_line'], expect: 'cellosaurus:CVCL_0027' },
  { text: '3T3-L1', kinds: EV_SOURCE, expect: 'cellosaurus:CVCL_0123' },
  { text: 'CVCL_0188', kinds: EV_SOURCE, expect: 'cellosaurus:CVCL_0188' },
  { text: 'm', kinds: EV_SOURCE },
  { text: 'miR-206', kinds: ['mirna'], species: MOUSE, expect: 'mirbase.mature:MIMAT0000239' },
  { text: 'mir', kinds: ['mirna'], species: MOUSE },
  { text: 'miR-1', kinds: ['mirna'], species: MOUSE, expect: 'mirbase.mature:MIMAT0000123' },
  { text: 'let-7a', kinds: ['mirna'], species: HUMAN, expect: 'mirbase.mature:MIMAT0000062' },
  { text: 'miR-133a-3p', kinds: ['mirna'], species: RAT, expect: 'mirbase.mature:MIMAT0000839' },
  { text: 'MIMAT0000239', kinds: ['mirna'], species: MOUSE, expect: 'mirbase.mature:MIMAT0000239' },
  { text: 'miR-21', kinds: ['mirna'] },
  { text: 'IL6', kinds: ['gene'], expect: 'HGNC:6018' },
  { text: 'il1', kinds: ['gene'], expect: 'HGNC:5991' },
  { text: 'pparg', kinds: ['gene'], expect: 'HGNC:9236' },
  { text: 'c', kinds: ['gene'] },
  { text: 'type 2 diabetes', kinds: ['disease', 'phenotype'], expect: 'MONDO:0005148' },
  { text: 'DOID:9352', kinds: ['disease', 'phenotype'], expect: 'MONDO:0005148' },
  { text: 'muscular dystr', kinds: ['disease'], expect: 'MONDO:0020121' },
  { text: 'diabetis', kinds: ['disease', 'phenotype'] },
  { text: 'insulin resistance', kinds: ['disease', 'phenotype'], expect: 'HP:0000855' },
  { text: 'mouse', kinds: ['taxon'], expect: MOUSE },
  { text: 'western blot', kinds: ['method'] },
];

export const TERM_P95_TARGET_MS = 50;

const describe = (q: TermQuery) => `"${q.text}" [${q.kinds.join(',')}]${q.species ? ` ${q.species}` : ''}`;

async function once(ctx: BenchContext, q: TermQuery): Promise<number> {
  const t0 = performance.now();
  let found;
  try {
    found = await suggestTerms(appHandle(ctx).db, { text: q.text, kinds: q.kinds, species: q.species });
  } catch (e) {
    throw new Error(`term suggestion ${describe(q)} failed`, { cause: e });
  }
  const ms = performance.now() - t0;
  if (q.expect && !found.some((s) => s.curie === q.expect))
    throw new Error(
      `term suggestion ${describe(q)} did not suggest ${q.expect}: ${found.map((s) => s.curie).join(', ')}`,
    );
  return ms;
}

/** In PostgreSQL alone: per query, the EXPLAIN ANALYZE execution + planning time of each statement suggestTerms sends, summed (median of `runs`). */
async function serverTimes(ctx: BenchContext, url: string, runs: number) {
  const out: { q: TermQuery; ms: number; plans: string[] }[] = [];
  for (const q of TERM_QUERIES) {
    const captured = await captureSql(url, (db) =>
      suggestTerms(db, { text: q.text, kinds: q.kinds, species: q.species }),
    );
    let ms = 0;
    const plans: string[] = [];
    for (const c of captured) {
      const r = await rawTimes(ctx.raw, c.sql, c.params, runs);
      ms += r.ms;
      plans.push(r.plan);
    }
    out.push({ q, ms, plans });
  }
  return out.sort((a, b) => b.ms - a.ms);
}

/** The app's suggestTerms over every query, `runs` rounds interleaved, after three warm-up rounds. */
async function appTimes(ctx: BenchContext, runs: number) {
  for (const q of TERM_QUERIES) for (let i = 0; i < 3; i++) await once(ctx, q);
  const all: number[] = [];
  const byQuery = new Map<TermQuery, number[]>(TERM_QUERIES.map((q) => [q, []]));
  for (let r = 0; r < runs; r++)
    for (const q of TERM_QUERIES) {
      const ms = await once(ctx, q);
      all.push(ms);
      byQuery.get(q)!.push(ms);
    }
  const slowest = [...byQuery].map(([q, t]) => ({ q, p95: quantile(t, 0.95) })).sort((a, b) => b.p95 - a.p95);
  return { all, slowest };
}

export async function measureTermSuggestions(ctx: BenchContext): Promise<Section & { result: Record<string, number> }> {
  const runs = ctx.opts.runs;
  ctx.log(`\nterm suggestions: ${TERM_QUERIES.length} queries × ${runs} runs in-process …`);
  const [loaded] = await ctx.raw.query<{ n: string }>('select count(*) n from terms where not obsolete');
  const n = Number(loaded?.n ?? 0);
  if (n < 30_000) throw new Error(`term suggestions: only ${n} terms loaded; the bench needs the vocabularies`);
  const { all, slowest } = await appTimes(ctx, runs);
  const p50 = quantile(all, 0.5);
  const p95 = quantile(all, 0.95);
  const max = Math.max(...all);
  const server = ctx.res.db.url ? await serverTimes(ctx, ctx.res.db.url, Math.min(ctx.opts.rawRuns, 5)) : [];
  const serverP95 = server.length
    ? quantile(
        server.map((s) => s.ms),
        0.95,
      )
    : NaN;
  ctx.log(
    `  p50 ${fmtMs(p50)}  p95 ${fmtMs(p95)}  max ${fmtMs(max)}  (${all.length} calls); in PostgreSQL p95 ${fmtMs(serverP95)}`,
  );
  const row = {
    op: `term suggestions, p95 of ${TERM_QUERIES.length} queries × ${runs} runs (p50 ${fmtMs(p50)}, max ${fmtMs(max)})`,
    app: fmtMs(p95),
    raw: fmtMs(serverP95),
    ratio: ratioTime(p95, serverP95),
    target: `≤ ${TERM_P95_TARGET_MS} ms p95`,
    ok: p95 <= TERM_P95_TARGET_MS,
  };
  const details = [
    `term suggestions in-process: slowest queries by p95 ${slowest
      .slice(0, 4)
      .map((s) => `${describe(s.q)} ${fmtMs(s.p95)}`)
      .join(', ')}`,
  ];
  if (server.length)
    details.push(
      `term suggestions in PostgreSQL (raw: the app's statements under EXPLAIN ANALYZE, execution + planning, summed per query; p95 over the queries): slowest ${server
        .slice(0, 4)
        .map((s) => `${describe(s.q)} ${fmtMs(s.ms)} [${s.plans.join(' then ')}]`)
        .join(', ')}`,
    );
  return { rows: [row], details, result: { p50, p95, max, calls: all.length, serverP95 } };
}
