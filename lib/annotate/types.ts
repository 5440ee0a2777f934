/**
 * What the tagger finds in a paper's text. Offsets are UTF-16 code-unit indices into the text it
 * was given (what JS strings, `Range` and the DOM use): `text === input.slice(start, end)`.
 */
export type MentionType =
  'mirna' | 'gene' | 'cell' | 'cell_line' | 'anatomy' | 'species' | 'disease' | 'ev_method' | 'marker';

export const MENTION_TYPES: readonly MentionType[] = [
  'mirna',
  'gene',
  'cell',
  'cell_line',
  'anatomy',
  'species',
  'disease',
  'ev_method',
  'marker',
];

export type TermChoice = { curie: string; label: string };

/** Where an EV method goes in a finding (lib/vocab/terms.ts options of the finding's EV fields). */
export type MisevSlot = { field: 'separationMethods' | 'particleAnalysis' | 'emMethods'; value: string };

export type Mention = {
  start: number;
  end: number;
  text: string;
  type: MentionType;
  /** The one term the mention names; null when none or several fit (then `candidates`, when there are some). */
  curie: string | null;
  /** Label of `curie`'s term (miRBase name, HGNC symbol, ontology label); null without a curie. */
  label: string | null;
  candidates?: TermChoice[];
  /**
   * The name the mention stands for when its text alone does not say it: a miRNA's full name
   * ("miR-27a-3p" for the "27a" of "miR-23a/27a-3p"), a marker's or method's usual name ("ALIX").
   */
  name?: string;
  /** EV methods only: the finding field and option it fills, when the method is one of MISEV's. */
  misev?: MisevSlot;
};

/** A term row as the tagger needs it: lib/vocab/tsv.ts TermRows and rows of the `terms` table both fit. */
export type TaggerTermRow = {
  curie: string;
  kind: string;
  label: string;
  synonyms: readonly string[];
  species: string | null;
  extra?: Record<string, string> | null;
  obsolete?: boolean;
};

export type TagOptions = {
  /** The study's species (NCBITaxon CURIE): miRNAs are grounded in it; genes only to HGNC in human (or unknown). */
  species?: string | null;
};
