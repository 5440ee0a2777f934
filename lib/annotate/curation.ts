/**
 * Hand-made lists that keep the vocabularies' names from tagging ordinary words, and add the few
 * spellings papers of this field use that the vocabulary subsets lack. Each list says why.
 */
import type { MentionType } from './types';

/** Labels and synonyms too generic to be a mention ("cell", "tissue", "condition", "back", "fat" in "high-fat"). */
export const DENY_NAMES = new Set([
  'cell',
  'cells',
  'tissue',
  'organ',
  'tube',
  'back',
  'head',
  'trunk',
  'sac',
  'pouch',
  'fat',
  'vessel',
  'duct',
  'gland',
  'appendage',
  'structure',
  'organism substance',
  'anatomical structure',
  'disease',
  'diseases',
  'disorder',
  'disorders',
  'condition',
  'medical condition',
  'injury',
  'trauma',
  'wound',
  'infectious',
  'receptor cell',
  'myofibril', // CL lists it for myotube; it is an organelle
  'muscle fiber', // CL's muscle cell; papers mean skeletal muscle fibres (see EXTRA_TERMS)
  'myofiber', // CL's myotube, likewise
  'pad', // MONDO's lower-case synonym of peripheral arterial disease
  'funiculus',
  'musculus',
  'syncytium',
]);

/** Terms never tagged: too broad to help a curator (MONDO's root "disease", ECO's "evidence"). */
export const DENY_CURIES = new Set(['MONDO:0000001', 'UBERON:0000061', 'UBERON:0000465', 'CL:0000000']);

/**
 * Abbreviations among the vocabularies' synonyms that are unambiguous in this field: tagged as
 * written. Others ("AD", "PD", "RA", "SC", "APC", "BMD", "DMD") only where the paper defines them.
 */
export const ALLOWED_ABBREVIATIONS = new Set([
  'MSC',
  'BMSC',
  'HSC',
  'ESC',
  'VSMC',
  'SMCs',
  'CNS',
  'CSF',
  'T2D',
  'T2DM',
  'NIDDM',
  'ALS',
  'NASH',
  'MASH',
  'LGMD',
  'HGPS',
  'IPF',
  'DKD',
  'AKI',
  'CHF',
  'ILD',
]);

/** Following words that make a short cell line name ("L6", "LLC", "ST2") a cell line. */
export const CELL_CONTEXT = [
  'cell',
  'cells',
  'line',
  'lines',
  'myoblast',
  'myoblasts',
  'myotube',
  'myotubes',
  'adipocytes',
  'hepatocytes',
  'macrophages',
  'cardiomyocytes',
  'neurons',
  'osteoblasts',
  'osteocytes',
  'microglia',
  'tumor',
  'tumors',
  'tumour',
  'tumours',
  'bearing',
  'derived',
  'conditioned',
  'culture',
  'cultures',
  'exosomes',
  'evs',
  'sevs',
];

const MUSCLE_NEXT = ['muscle', 'muscles'];

export type ExtraTerm = {
  surface: string;
  type: MentionType;
  curie: string | null;
  caseSensitive?: boolean;
  needNext?: readonly string[];
  notNext?: readonly string[];
};

/**
 * Names this field uses that the vocabulary subsets lack or map oddly. curie null: a mention with
 * nothing to ground it to yet (a term request).
 */
export const EXTRA_TERMS: readonly ExtraTerm[] = [
  { surface: 'skeletal muscle', type: 'anatomy', curie: 'UBERON:0001134' },
  { surface: 'bone', type: 'anatomy', curie: 'UBERON:0001474', notNext: ['marrow'] },
  { surface: 'plasma', type: 'anatomy', curie: 'UBERON:0001969', notNext: ['membrane', 'membranes', 'cell', 'cells'] },
  { surface: 'gut', type: 'anatomy', curie: 'UBERON:0000160' },
  { surface: 'WAT', type: 'anatomy', curie: 'UBERON:0001347', caseSensitive: true },
  { surface: 'BAT', type: 'anatomy', curie: 'UBERON:0001348', caseSensitive: true },
  { surface: 'iWAT', type: 'anatomy', curie: 'UBERON:0010410', caseSensitive: true },
  { surface: 'eWAT', type: 'anatomy', curie: 'UBERON:0010412', caseSensitive: true },
  { surface: 'TA', type: 'anatomy', curie: 'UBERON:0001385', caseSensitive: true, needNext: MUSCLE_NEXT },
  { surface: 'EDL', type: 'anatomy', curie: 'UBERON:0001386', caseSensitive: true, needNext: MUSCLE_NEXT },
  { surface: 'satellite cell', type: 'cell', curie: 'CL:0000594' },
  { surface: 'muscle stem cell', type: 'cell', curie: 'CL:0008011' },
  { surface: 'MuSC', type: 'cell', curie: 'CL:0008011', caseSensitive: true },
  { surface: 'fibro-adipogenic progenitor', type: 'cell', curie: 'CL:0009099' },
  { surface: 'FAPs', type: 'cell', curie: 'CL:0009099', caseSensitive: true },
  { surface: 'beta cell', type: 'cell', curie: 'CL:0000169' },
  { surface: 'β-cell', type: 'cell', curie: 'CL:0000169' },
  { surface: 'myofiber', type: 'cell', curie: 'CL:0008002' },
  { surface: 'myofibre', type: 'cell', curie: 'CL:0008002' },
  { surface: 'muscle fiber', type: 'cell', curie: 'CL:0008002' },
  { surface: 'muscle fibre', type: 'cell', curie: 'CL:0008002' },
  { surface: 'hippocampus', type: 'anatomy', curie: 'UBERON:0002421' },
  { surface: 'sarcopenia', type: 'disease', curie: null },
  { surface: 'cancer cachexia', type: 'disease', curie: null },
];

/** Protein names HGNC does not list as a symbol, alias or one-word name (symbols to ground them to). */
export const PROTEIN_NAMES: readonly [string, string][] = [
  ['irisin', 'FNDC5'],
  ['osteocalcin', 'BGLAP'],
  ['osteopontin', 'SPP1'],
  ['myonectin', 'ERFE'],
  ['musclin', 'OSTN'],
  ['adiponectin', 'ADIPOQ'],
  ['dystrophin', 'DMD'],
  ['atrogin-1', 'FBXO32'],
];

/** Complexes and families written like a gene: a gene mention grounded to no one gene. */
export const GENE_FAMILIES = [
  'AMPK',
  'ERK',
  'ERK1/2',
  'JNK',
  'p38',
  'p38 MAPK',
  'MAPK',
  'PI3K',
  'HDAC',
  'mTORC1',
  'mTORC2',
  'NF-κB',
  'NF-kB',
  'NF-kappaB',
  'PKC',
  'PKA',
  'TGF-β',
  'Smad2/3',
];
