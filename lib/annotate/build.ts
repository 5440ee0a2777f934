/**
 * The tagger's index, built once from term rows (the vocabulary files as lib/vocab/tsv.ts reads them,
 * or the `terms` table): a phrase index for names of cells, cell lines, anatomy, species, diseases,
 * protein names, EV methods and markers; a gene symbol index; the miRNA resolver's index.
 */
import { SPECIES } from '../vocab/species';
import { type MirnaIndex, mirnaIndexFromTermRows } from '../vocab/mirna-resolve';
import type { TermRow } from '../vocab/tsv';
import {
  ALLOWED_ABBREVIATIONS,
  CELL_CONTEXT,
  DENY_CURIES,
  DENY_NAMES,
  EXTRA_TERMS,
  GENE_FAMILIES,
  PROTEIN_NAMES,
} from './curation';
import { EV_MARKERS, EV_METHODS, HSP70_CANDIDATES } from './ev-terms';
import { buildGeneIndex, type GeneIndex } from './genes';
import { addPhrase, type PhraseHit, type PhraseIndex } from './phrases';
import type { MentionType, TaggerTermRow, TermChoice } from './types';

export type TaggerIndex = {
  phrases: PhraseIndex;
  genes: GeneIndex;
  mirna: MirnaIndex | null;
  /** miRBase species code → NCBITaxon CURIE ("hsa" → NCBITaxon:9606). */
  taxonOfCode: Map<string, string>;
};

const TYPE_OF_KIND: Record<string, MentionType | undefined> = {
  cell: 'cell',
  cell_line: 'cell_line',
  anatomy: 'anatomy',
  taxon: 'species',
  disease: 'disease',
  phenotype: 'disease',
};

const ABBREVIATION = /^[^\s]{2,8}$/;
const isAbbreviation = (s: string) => ABBREVIATION.test(s) && (s.match(/\p{Lu}/gu)?.length ?? 0) >= 2;

/** The last word in the plural: "satellite cell" → "satellite cells", "house mouse" → "house mice". */
export function pluralOf(name: string): string | null {
  const m = /^(.*?)(\p{L}+)$/u.exec(name);
  if (!m || m[2]!.length < 3) return null;
  const [, head, w] = m as unknown as [string, string, string];
  if (/mouse$/i.test(w)) return `${head}${w.slice(0, -5)}mice`;
  if (/[^aeiou]y$/i.test(w)) return `${head}${w.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(w)) return /(ss|x|ch|sh)$/i.test(w) ? `${head}${w}es` : null;
  return `${head}${w}s`;
}

function addVocabName(phrases: PhraseIndex, name: string, type: MentionType, term: TermChoice): void {
  if (DENY_NAMES.has(name.toLowerCase()) || name.includes('MF.')) return;
  const hit: PhraseHit = { type, terms: [term] };
  if (isAbbreviation(name)) {
    if (!ALLOWED_ABBREVIATIONS.has(name)) return;
    addPhrase(phrases, name, hit, { caseSensitive: true });
    if (!name.endsWith('s')) addPhrase(phrases, `${name}s`, hit, { caseSensitive: true });
    return;
  }
  addPhrase(phrases, name, hit);
  const plural = type === 'disease' ? null : pluralOf(name);
  if (plural && !DENY_NAMES.has(plural.toLowerCase())) addPhrase(phrases, plural, hit);
}

function addCellLine(phrases: PhraseIndex, name: string, term: TermChoice): void {
  const forms = new Set([name, name.replace(/[\s-]/g, '')]);
  for (const form of forms) {
    const short = form.replace(/[^\p{L}\p{N}]/gu, '').length <= 4;
    const rule = { caseSensitive: true, needNext: short ? CELL_CONTEXT : undefined };
    addPhrase(phrases, form, { type: 'cell_line', terms: [term] }, rule);
    if (/\p{Lu}$/u.test(form)) addPhrase(phrases, `${form}s`, { type: 'cell_line', terms: [term] }, rule);
  }
}

function namesOf(r: TaggerTermRow): string[] {
  const related = new Set((r.extra?.related_synonyms ?? '').split('|').map((s) => s.trim()));
  const synonyms = r.kind === 'anatomy' ? r.synonyms.filter((s) => !related.has(s)) : r.synonyms;
  return [r.label, ...synonyms];
}

function addVocabulary(phrases: PhraseIndex, rows: readonly TaggerTermRow[]): void {
  for (const r of rows) {
    const type = TYPE_OF_KIND[r.kind];
    if (!type || r.obsolete || DENY_CURIES.has(r.curie)) continue;
    const term = { curie: r.curie, label: r.label };
    for (const name of namesOf(r))
      if (type === 'cell_line') addCellLine(phrases, name, term);
      else if (type !== 'species' || name.length > 2) addVocabName(phrases, name, type, term);
    if (type === 'species') {
      const [genus, epithet] = r.label.split(' ');
      if (genus && epithet) addPhrase(phrases, `${genus[0]}. ${epithet}`, { type, terms: [term] });
    }
  }
  // The app's species list adds the names papers use that NCBITaxon's subset lacks ("mice", "murine").
  for (const s of SPECIES) {
    const hit: PhraseHit = { type: 'species', terms: [{ curie: s.id, label: s.scientific }] };
    for (const name of [s.label, ...s.aliases].filter((a) => a !== 'patients')) {
      addPhrase(phrases, name, hit);
      const plural = pluralOf(name);
      if (plural && !/(ine|ish)$/.test(name)) addPhrase(phrases, plural, hit);
    }
  }
}

/** One-word HGNC names ending like a protein ("myostatin", "follistatin", "lactase") and "<name> <n>" ("galectin 3"). */
const PROTEIN_NAME = /^[a-z]{4,}(?:in|ase|ogen)(?: (?:\d{1,2}|[A-Z]))?$/;

function addGeneNames(phrases: PhraseIndex, rows: readonly TaggerTermRow[], bySymbol: Map<string, TermChoice>) {
  for (const r of rows) {
    const name = r.extra?.name;
    if (r.kind !== 'gene' || r.obsolete || !name || !PROTEIN_NAME.test(name)) continue;
    addPhrase(phrases, name, { type: 'gene', terms: [{ curie: r.curie, label: r.label }] });
  }
  for (const [name, symbol] of PROTEIN_NAMES) {
    const term = bySymbol.get(symbol);
    if (term) addPhrase(phrases, name, { type: 'gene', terms: [term], name });
  }
  for (const family of GENE_FAMILIES)
    addPhrase(
      phrases,
      family,
      { type: 'gene', terms: [], name: family, keepWithoutTerm: true },
      { caseSensitive: true },
    );
}

function addEvTerms(phrases: PhraseIndex, byCurie: Map<string, TermChoice>, bySymbol: Map<string, TermChoice>) {
  for (const m of EV_METHODS) {
    const eco = m.eco ? byCurie.get(m.eco) : undefined;
    const hit: PhraseHit = {
      type: 'ev_method',
      terms: eco ? [eco] : [],
      name: m.name,
      misev: m.misev,
      keepWithoutTerm: true,
    };
    for (const f of m.forms) addPhrase(phrases, f, hit);
    for (const f of m.exact ?? []) addPhrase(phrases, f, hit, { caseSensitive: true });
  }
  for (const k of EV_MARKERS) {
    const symbols = k.symbol ? [k.symbol] : HSP70_CANDIDATES;
    const terms = symbols.flatMap((s) => bySymbol.get(s) ?? []);
    const hit: PhraseHit = { type: 'marker', terms, name: k.name, keepWithoutTerm: true };
    for (const f of k.forms) addPhrase(phrases, f, hit);
    for (const f of k.exact) addPhrase(phrases, f, hit, { caseSensitive: true });
  }
}

function addExtras(phrases: PhraseIndex, byCurie: Map<string, TermChoice>): void {
  for (const e of EXTRA_TERMS) {
    const term = e.curie ? (byCurie.get(e.curie) ?? { curie: e.curie, label: e.surface }) : null;
    const hit: PhraseHit = { type: e.type, terms: term ? [term] : [], keepWithoutTerm: true };
    const rule = { caseSensitive: e.caseSensitive, needNext: e.needNext, notNext: e.notNext };
    addPhrase(phrases, e.surface, hit, rule);
    const plural = e.caseSensitive ? null : pluralOf(e.surface);
    if (plural && e.type !== 'disease') addPhrase(phrases, plural, hit, rule);
  }
}

/** Build once (about a second for every vocabulary file) and reuse for every text. */
export function buildTaggerIndex(input: Iterable<TaggerTermRow>): TaggerIndex {
  const rows = [...input];
  const genes = buildGeneIndex(rows);
  const byCurie = new Map(rows.filter((r) => !r.obsolete).map((r) => [r.curie, { curie: r.curie, label: r.label }]));
  const phrases: PhraseIndex = new Map();
  addVocabulary(phrases, rows);
  addGeneNames(phrases, rows, genes.bySymbol);
  addEvTerms(phrases, byCurie, genes.bySymbol);
  addExtras(phrases, byCurie);
  const taxonOfCode = new Map<string, string>();
  for (const r of rows) if (r.kind === 'taxon' && r.extra?.mirbase_code) taxonOfCode.set(r.extra.mirbase_code, r.curie);
  const mirnaRows = rows
    .filter((r) => r.kind === 'mirna')
    .map((r) => ({ ...r, kind: 'mirna' as const, extra: r.extra ?? {} })) as Pick<
    TermRow,
    'curie' | 'label' | 'species' | 'extra' | 'kind'
  >[];
  return { phrases, genes, mirna: mirnaRows.length ? mirnaIndexFromTermRows(mirnaRows) : null, taxonOfCode };
}
