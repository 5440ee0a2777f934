import { parse } from 'csv-parse/sync';
import type { TermKind } from './sources';

/** One row of the terms table as the vocabulary files give it. */
export type TermRow = {
  curie: string;
  vocab: string;
  kind: TermKind;
  label: string;
  synonyms: string[];
  xrefs: string[];
  parents: string[];
  species: string | null;
  extra: Record<string, string>;
  /** Set by a release that deprecates the term (optional `obsolete` / `replaced_by` columns). */
  obsolete?: boolean;
  replacedBy?: string | null;
};

type Row = Record<string, string>;

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

const uniq = (xs: string[], drop?: string): string[] =>
  [...new Set(xs)].filter((x) => x.toLowerCase() !== drop?.toLowerCase());

/** Leading lines starting with "#" (before the header row): release metadata, not rows. */
function splitMetadata(text: string): { meta: string[]; body: string } {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith('#')) i++;
  return { meta: lines.slice(0, i), body: lines.slice(i).join('\n') };
}

function readTsv(text: string): Row[] {
  // The files quote nothing: a tab or "|" inside a value was replaced by a space when they were cut.
  return parse(splitMetadata(text).body, {
    delimiter: '\t',
    columns: true,
    quote: false,
    skip_empty_lines: true,
    bom: true,
  }) as Row[];
}

/**
 * The release a vocabulary file says it is, from optional "#" lines before its header row:
 * `# version: v2026-10-01` names the release of every vocabulary the file holds;
 * `# version HP: 2026-09-01` names one of them (disease.tsv holds MONDO and HP).
 * Undefined when the file says nothing: the loader then keeps the version in VOCABULARIES.
 */
export function fileVersionOf(text: string, vocab: string): string | undefined {
  let all: string | undefined;
  for (const line of splitMetadata(text).meta) {
    const m = /^#\s*version(?:\s+([A-Za-z][\w.]*))?\s*:\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    if (m[1] === vocab) return m[2];
    if (!m[1]) all ??= m[2];
  }
  return all;
}

/**
 * The optional deprecation columns any file may carry: `obsolete` ("true" or "false"/empty)
 * and `replaced_by` (the id of the term that replaces it; a bare accession gets `prefix`).
 * A term with a replacement is obsolete, whatever its `obsolete` column says.
 */
function deprecation(r: Row, prefix = ''): { obsolete: boolean; replacedBy: string | null } {
  const flag = (r.obsolete ?? '').trim().toLowerCase();
  if (flag !== '' && flag !== 'true' && flag !== 'false')
    throw new Error(`obsolete must be "true" or "false", not "${r.obsolete}" (row ${Object.values(r)[0]}).`);
  const stated = (r.replaced_by ?? '').trim();
  const replacedBy = stated ? (stated.includes(':') ? stated : `${prefix}${stated}`) : null;
  return { obsolete: flag === 'true' || replacedBy !== null, replacedBy };
}

const compact = (o: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => Boolean(e[1])));

function ontologyRows(text: string, vocab: string, kind: TermKind): TermRow[] {
  return readTsv(text).map((r) => ({
    curie: r.id!,
    vocab,
    kind,
    label: r.label!,
    synonyms: uniq([...list(r.exact_synonyms), ...list(r.related_synonyms)], r.label),
    xrefs: [],
    parents: list(r.parents),
    species: null,
    extra: compact({ related_synonyms: r.related_synonyms }),
    ...deprecation(r),
  }));
}

function diseaseRows(text: string): TermRow[] {
  return readTsv(text).map((r) => {
    const hp = r.ontology === 'HP';
    return {
      curie: r.id!,
      vocab: hp ? 'HP' : 'MONDO',
      kind: hp ? 'phenotype' : 'disease',
      label: r.label!,
      synonyms: uniq(list(r.exact_synonyms), r.label),
      xrefs: list(r.doid_exact_match).filter((x) => x.startsWith('DOID:')),
      parents: list(r.parents),
      species: null,
      extra: compact({ source: r.source, doid_label: r.doid_label?.startsWith('(') ? undefined : r.doid_label }),
      ...deprecation(r),
    };
  });
}

function cellosaurusRows(text: string): TermRow[] {
  return readTsv(text).map((r) => ({
    curie: `cellosaurus:${r.id}`,
    vocab: 'Cellosaurus',
    kind: 'cell_line',
    label: r.name!,
    // The spelling papers use ("HepG2" for Hep-G2) is how curators will type it.
    synonyms: uniq(list(r.paper_spelling), r.name),
    xrefs: [],
    parents: [],
    species: null,
    extra: compact({ accession: r.id, note: r.note }),
    ...deprecation(r, 'cellosaurus:'),
  }));
}

function taxonRows(text: string): TermRow[] {
  return readTsv(text).map((r) => ({
    curie: r.id!,
    vocab: 'NCBITaxon',
    kind: 'taxon',
    label: r.scientific_name!,
    synonyms: uniq([...list(r.genbank_common_name), ...list(r.other_common_names)], r.scientific_name),
    xrefs: [],
    parents: [],
    species: null,
    extra: compact({ common_name: r.genbank_common_name, rank: r.rank, mirbase_code: r.mirbase_code }),
    ...deprecation(r, 'NCBITaxon:'),
  }));
}

/** miRBase species code → NCBITaxon CURIE, from ncbitaxon.tsv's mirbase_code column. */
export function mirbaseSpeciesMap(taxa: readonly TermRow[]): Map<string, string> {
  return new Map(taxa.filter((t) => t.extra.mirbase_code).map((t) => [t.extra.mirbase_code!, t.curie]));
}

function mirnaRows(text: string, speciesByCode: Map<string, string>): TermRow[] {
  return readTsv(text).map((r) => ({
    curie: `mirbase.mature:${r.accession}`,
    vocab: 'miRBase',
    kind: 'mirna',
    label: r.name!,
    synonyms: uniq(list(r.name_in_release_18), r.name),
    xrefs: [],
    parents: [],
    species: speciesByCode.get(r.species_code!) ?? null,
    extra: compact({ accession: r.accession, sequence: r.sequence, name_in_release_18: r.name_in_release_18 }),
    ...deprecation(r, 'mirbase.mature:'),
  }));
}

function geneRows(text: string): TermRow[] {
  return readTsv(text).map((r) => ({
    curie: r.hgnc_id!,
    vocab: 'HGNC',
    kind: 'gene',
    label: r.symbol!,
    synonyms: uniq([...list(r.alias_symbol), ...list(r.prev_symbol)], r.symbol),
    xrefs: [],
    parents: [],
    species: 'NCBITaxon:9606',
    extra: compact({ name: r.name, entrez_id: r.entrez_id, ensembl_gene_id: r.ensembl_gene_id, mgd_id: r.mgd_id }),
    ...deprecation(r, 'HGNC:'),
  }));
}

/** Every term of one vocabulary file. `taxa` (from ncbitaxon.tsv) is needed for miRBase's species. */
export function parseVocabFile(file: string, text: string, taxa: readonly TermRow[] = []): TermRow[] {
  switch (file) {
    case 'uberon.tsv':
      return ontologyRows(text, 'UBERON', 'anatomy');
    case 'cl.tsv':
      return ontologyRows(text, 'CL', 'cell');
    case 'eco.tsv':
      return ontologyRows(text, 'ECO', 'method');
    case 'disease.tsv':
      return diseaseRows(text);
    case 'cellosaurus.tsv':
      return cellosaurusRows(text);
    case 'ncbitaxon.tsv':
      return taxonRows(text);
    case 'mirbase-mature.tsv':
      return mirnaRows(text, mirbaseSpeciesMap(taxa));
    case 'hgnc.tsv':
      return geneRows(text);
    default:
      throw new Error(`No reader for vocabulary file ${file}.`);
  }
}

/** What suggestions match by trigram: label, synonyms, CURIE and xrefs, lower-cased. */
export function searchTextOf(t: Pick<TermRow, 'curie' | 'label' | 'synonyms' | 'xrefs'>): string {
  return [t.label, ...t.synonyms, t.curie, ...t.xrefs].join(' | ').toLowerCase();
}

/** Ancestors of every term (itself at depth 0), by breadth-first walk of `parents`; parents outside the set end the walk. */
export function closureOf(rows: readonly Pick<TermRow, 'curie' | 'parents'>[]): [string, string, number][] {
  const parents = new Map(rows.map((r) => [r.curie, r.parents]));
  const out: [string, string, number][] = [];
  for (const r of rows) {
    const seen = new Map<string, number>([[r.curie, 0]]);
    let frontier = [r.curie];
    for (let depth = 1; frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const c of frontier)
        for (const p of parents.get(c) ?? [])
          if (!seen.has(p)) {
            seen.set(p, depth);
            next.push(p);
          }
      frontier = next;
    }
    for (const [ancestor, depth] of seen) out.push([r.curie, ancestor, depth]);
  }
  return out;
}
