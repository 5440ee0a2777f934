/**
 * The gold set's shape. A mention is located by its exact text and its occurrence (0 = first) among
 * the places where that text stands as a whole word (not inside a longer word: "miR-1" is not found
 * in "miR-133a"), so offsets are computed, never typed by hand.
 *
 * `curie`: the term a careful curator grounds the mention to (null: none can be chosen from the text,
 * e.g. a miRNA without its arm); left out when the gold set makes no claim about grounding.
 */
import type { MentionType } from './types';

export type GoldMention = { text: string; type: MentionType; curie?: string | null; occurrence?: number };
export type GoldItem = { text: string; species?: string; mentions: GoldMention[] };

export const MOUSE = 'NCBITaxon:10090';
export const HUMAN = 'NCBITaxon:9606';
export const RAT = 'NCBITaxon:10116';

/** A gold mention: m('TA', 'anatomy', { occurrence: 1 }). */
export function m(text: string, type: MentionType, opts: { curie?: string | null; occurrence?: number } = {}) {
  return { text, type, ...opts } satisfies GoldMention;
}

/** A miRNA mention grounded to a miRBase mature accession (null: not groundable from the text). */
export function mir(text: string, accession?: string | null, occurrence?: number): GoldMention {
  const curie = accession === undefined ? undefined : accession && `mirbase.mature:${accession}`;
  return { text, type: 'mirna', ...(curie !== undefined && { curie }), ...(occurrence && { occurrence }) };
}
