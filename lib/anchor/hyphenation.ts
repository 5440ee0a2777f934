/**
 * The line-end hyphenation rule: does "fragment-⏎word" stand for one word split by typesetting (join it) or
 * for a hyphenated compound that happened to break at its hyphen (keep the hyphen)? Only the break itself is
 * always removed. The rule is stated in normalize.ts; this module holds the decision and its word lists.
 */

/** How line-end hyphens are treated: by the rule, always joined, always kept (the last two for verifyQuote). */
export type LineEndHyphens = 'rule' | 'join' | 'keep';

/** Longest fragment or word looked at on either side of a line-end hyphen; longer runs keep the hyphen. */
export const MAX_HYPHEN_CONTEXT = 64;

/**
 * First parts that are written with a hyphen and are rarely a hyphenation syllable of one longer word
 * ("non-coding", "self-renewal", "cell-free", "dose-dependent").
 */
const COMPOUND_FIRST = new Set([
  'non',
  'self',
  'well',
  'cell',
  'dose',
  'time',
  'size',
  'high',
  'low',
  'long',
  'short',
  'full',
  'half',
  'small',
  'large',
  'double',
  'single',
  'wild',
]);

/**
 * Second parts that head a hyphenated compound ("exosome-derived", "tumour-associated", "calcium-dependent");
 * a line-end hyphen before one of these whole words is kept.
 */
const COMPOUND_SECOND = new Set([
  'derived',
  'mediated',
  'dependent',
  'independent',
  'induced',
  'specific',
  'associated',
  'related',
  'like',
  'based',
  'free',
  'type',
  'positive',
  'negative',
  'enriched',
  'depleted',
  'treated',
  'loaded',
  'secreted',
  'containing',
  'bound',
  'rich',
  'poor',
  'shaped',
  'sized',
  'wide',
  'fold',
  'scale',
  'term',
  'level',
  'coated',
  'labeled',
  'labelled',
  'conjugated',
  'targeted',
  'activated',
  'stimulated',
  'primed',
  'infected',
  'responsive',
  'sensitive',
  'resistant',
  'exposed',
]);

/** A split word's first part: an optional capital, then at least two lowercase letters ("differen", "Parkin"). */
const SPLIT_FIRST = /^\p{Lu}?(?:\p{Ll}\p{M}*){2,}$/u;
/** A split word's rest: lowercase letters only (no capital, no digit: "miR-⏎133a", "hsa-⏎miR" keep theirs). */
const SPLIT_REST = /^(?:\p{Ll}\p{M}*)+$/u;

/**
 * Whether the hyphen between `before` (the letters and digits just before it, in matching form) and `after`
 * (those just after the line break, as written) is dropped. `tooLong`: either run reached MAX_HYPHEN_CONTEXT.
 */
export function joinsAtLineEnd(
  hyphen: number,
  before: string,
  after: string,
  mode: LineEndHyphens,
  tooLong: boolean,
): boolean {
  if (mode === 'keep' || hyphen === 0x2011 || tooLong || before === '' || after === '') return false;
  if (mode === 'join') return true;
  const rest = after.normalize('NFKC');
  return (
    SPLIT_FIRST.test(before) &&
    SPLIT_REST.test(rest) &&
    !COMPOUND_FIRST.has(before.toLowerCase()) &&
    !COMPOUND_SECOND.has(rest)
  );
}
