import type { CargoItem } from '../finding/schema';
import { isMirnaName, normalizeMirnaName } from './mirna';

type CargoType = CargoItem['type'];

/** "miR-…", "let-7…" anywhere in the piece, also after a vector prefix ("AAV-miR-29a", "Exo/miR29"). */
const MIRNA_ANYWHERE = /(?:^|[^a-z0-9])(?:mir(?:na)?|microrna)[-\u2010\u2011\u2013\s]?\d|(?:^|[^a-z0-9])let-?7/i;

const CIRC_RNA = /\bcirc(?:rna)?[-_\s]?[a-z0-9]|\bcircular rna\b/i;
const LNC_RNA = /\blnc(?:rna)?[-_\s]?[a-z0-9]|\blong non-?coding rna\b/i;
const MRNA = /\bmrnas?\b|\bmessenger rnas?\b/i;
const DNA = /\b(?:mt|ds|ss|g|c)?dna\b/i;

/** Delivery constructs named in a cargo cell are not cargo molecules. */
const CONSTRUCT = /\b(?:vector|plasmid|construct|backbone|lentivirus|adenovirus|aav)\b/i;

const LIPID = new RegExp(
  '\\b(?:' +
    [
      'lipids?',
      'cholesterol',
      'cholesteryl',
      'ceramides?',
      'sphingomyelins?',
      'sphingosine',
      'sphingolipids?',
      'phosphatidyl\\w*',
      'lysophosphatidyl\\w*',
      'phospholipids?',
      'cardiolipin',
      'triglycerides?',
      'triacylglycerols?',
      'diacylglycerols?',
      '\\w*fatty acids?',
      'palmit\\w*',
      'stear\\w*',
      'ole(?:ate|ic acid)',
      'linole(?:ate|ic acid)',
      'linolen(?:ate|ic acid)',
      'arachidon(?:ate|ic acid)',
      'myrist(?:ate|ic acid)',
      'docosahexaenoic acid',
      'eicosapentaenoic acid',
      'prostaglandins?',
      'eicosanoids?',
    ].join('|') +
    ')\\b',
  'i',
);

const METABOLITE = new RegExp(
  '\\b(?:' +
    [
      'metabolites?',
      'lactate',
      'lactic acid',
      'succinate',
      'pyruvate',
      'citrate',
      'fumarate',
      'malate',
      'oxaloacetate',
      '(?:alpha|α)-?ketoglutarate',
      '\\w*hydroxybutyrate',
      'acetoacetate',
      'acetate',
      'butyrate',
      'glutamate',
      'glutamine',
      'kynurenine',
      'creatine',
      'glucose',
      'glycogen',
      'atp',
      'nad\\+?h?',
      'amino acids?',
    ].join('|') +
    ')(?![\\w-])',
  'i',
);

/**
 * Words that make a piece a protein even when it also names a metabolite
 * ("lactate dehydrogenase A"): enzymes, receptors, cytokines, myokines.
 */
const PROTEIN_WORD = new RegExp(
  '\\b(?:' +
    [
      '\\w*(?:ase|ases)',
      'interleukin\\w*',
      'interferon\\w*',
      'tumou?r necrosis factor',
      '\\w*factors?',
      '\\w*receptors?',
      'transporters?',
      'channels?',
      'proteins?',
      'peptides?',
      'hormones?',
      'cytokines?',
      'chemokines?',
      'antibod(?:y|ies)',
      'ligands?',
      'musclin',
      'irisin',
      'myostatin',
      'decorin',
      'apelin',
      'meteorin\\w*',
      'follistatin',
      'osteocalcin',
      'insulin',
      'collagen\\w*',
      'integrins?',
      'tetraspanins?',
    ].join('|') +
    ')\\b',
  'i',
);
/** "…ase" words that are not enzymes. */
const NOT_ENZYME = /^(?:base|case|phase|release|increase|decrease|disease|chase|erase|purchase|ease|lease)s?$/i;

/**
 * A gene/protein symbol: one token (hyphens allowed), with an upper-case
 * letter after its first character or a digit: CD71, VEGF, Prrx2, RAB35,
 * pro-BDNF, b2-AR, IL-6. "Palmitate" has neither, and is caught as a lipid.
 */
function looksLikeSymbol(piece: string): boolean {
  if (/\s/.test(piece)) return false;
  if (!/^[A-Za-z\u03b1-\u03c9]/.test(piece)) return false;
  return /^.+[A-Z]/.test(piece) || /\d/.test(piece);
}

function hasProteinWord(piece: string): boolean {
  const re = new RegExp(PROTEIN_WORD.source, 'gi');
  for (const m of piece.matchAll(re)) {
    if (!NOT_ENZYME.test(m[0])) return true;
  }
  return false;
}

/** The cargo type of one printed name (see CARGO_RULE_TEXT for the order of checks). */
export function classifyCargoName(piece: string): CargoType {
  if (MIRNA_ANYWHERE.test(piece)) return 'miRNA';
  if (CIRC_RNA.test(piece)) return 'circRNA';
  if (LNC_RNA.test(piece)) return 'lncRNA';
  if (CONSTRUCT.test(piece)) return 'other';
  if (DNA.test(piece)) return 'DNA';
  if (MRNA.test(piece)) return 'mRNA';
  if (hasProteinWord(piece)) return 'protein';
  if (LIPID.test(piece)) return 'lipid';
  if (METABOLITE.test(piece)) return 'metabolite';
  if (looksLikeSymbol(piece)) return 'protein';
  return 'other';
}

/** One printed piece → a cargo item; bare miRNA names get miRBase spelling. */
export function toCargoItem(piece: string): CargoItem {
  const name = piece.trim();
  const type = classifyCargoName(name);
  return { name: type === 'miRNA' && isMirnaName(name) ? normalizeMirnaName(name) : name, type };
}
