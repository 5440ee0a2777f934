/**
 * tagText: the mentions of miRNAs, genes, cells, cell lines, anatomy, species, diseases, EV methods
 * and EV markers in a text, none overlapping.
 *
 * Every matcher proposes candidates; overlaps are settled greedily: the longest candidate wins; of
 * two as long, the one of the higher-ranked kind (RANK: miRNA, an abbreviation the text defines,
 * marker, EV method, cell line, disease, cell, anatomy, species, gene — so "CD63" is a marker, not a
 * gene, and "HK-2 cells" a cell line); then the earlier one. A second round adds the abbreviations
 * the first round's mentions define ("tibialis anterior (TA)").
 *
 * Genes and markers ground to HGNC, a human vocabulary: in a study of another species their term is
 * offered as a candidate (the human gene), not chosen.
 */
import { findDefinitions, tagDefined } from './abbreviations';
import type { TaggerIndex } from './build';
import { confirmGenes, matchGenes } from './genes';
import { findMirnas } from './mirna-mentions';
import { matchPhrases, type PhraseHit } from './phrases';
import { gapsOf, tokenize } from './tokens';
import type { Mention, MentionType, TagOptions } from './types';

const HUMAN = 'NCBITaxon:9606';

const RANK: Record<MentionType | 'abbreviation', number> = {
  mirna: 0,
  abbreviation: 1,
  marker: 2,
  ev_method: 3,
  cell_line: 4,
  disease: 5,
  cell: 6,
  anatomy: 7,
  species: 8,
  gene: 9,
};

type Candidate = { mention: Mention; rank: number };

function fromHit(text: string, start: number, end: number, hit: PhraseHit): Mention | null {
  if (hit.terms.length === 0 && !hit.keepWithoutTerm) return null;
  const one = hit.terms.length === 1 ? hit.terms[0]! : null;
  const m: Mention = {
    start,
    end,
    text: text.slice(start, end),
    type: hit.type,
    curie: one?.curie ?? null,
    label: one?.label ?? null,
  };
  if (hit.terms.length > 1) m.candidates = hit.terms.map((t) => ({ ...t }));
  if (hit.name) m.name = hit.name;
  if (hit.misev) m.misev = hit.misev;
  return m;
}

/** Greedy choice of non-overlapping candidates: longest, then best rank, then earliest. */
function select(cands: readonly Candidate[], length: number): Mention[] {
  const order = [...cands].sort(
    (a, b) =>
      b.mention.end - b.mention.start - (a.mention.end - a.mention.start) ||
      a.rank - b.rank ||
      a.mention.start - b.mention.start,
  );
  const used = new Uint8Array(length);
  const out: Mention[] = [];
  for (const { mention: m } of order) {
    let free = true;
    for (let i = m.start; i < m.end && free; i++) free = used[i] === 0;
    if (!free) continue;
    used.fill(1, m.start, m.end);
    out.push(m);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** HGNC terms are human genes: chosen in human (or unstated) studies, only offered in others. */
function forSpecies(m: Mention, species: string | null): Mention {
  if ((m.type !== 'gene' && m.type !== 'marker') || !species || species === HUMAN || !m.curie) return m;
  return { ...m, curie: null, label: null, candidates: [{ curie: m.curie, label: m.label ?? m.curie }] };
}

export function tagText(text: string, index: TaggerIndex, opts: TagOptions = {}): Mention[] {
  const species = opts.species ?? null;
  const tokens = tokenize(text);
  const gaps = gapsOf(text, tokens);
  const cands: Candidate[] = [];
  const ctx = { index: index.mirna, species, taxonOfCode: index.taxonOfCode, cache: new Map() };
  for (const m of findMirnas(text, ctx)) cands.push({ mention: m, rank: RANK.mirna });
  for (const p of matchPhrases(index.phrases, text, tokens, gaps))
    for (const hit of p.hits) {
      const m = fromHit(text, p.start, p.end, hit);
      if (m) cands.push({ mention: m, rank: RANK[m.type] });
    }
  for (const g of confirmGenes(text, matchGenes(index.genes, text, tokens))) {
    const m: Mention = { start: g.start, end: g.end, text: text.slice(g.start, g.end), type: 'gene', ...g.term };
    cands.push({ mention: m, rank: RANK.gene });
  }
  let mentions = select(cands, text.length);
  const defined = tagDefined(findDefinitions(text, mentions), tokens);
  if (defined.length > 0)
    mentions = select([...cands, ...defined.map((m) => ({ mention: m, rank: RANK.abbreviation }))], text.length);
  return mentions.map((m) => forSpecies(m, species));
}
