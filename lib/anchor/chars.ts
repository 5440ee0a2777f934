/**
 * Character classes and maps behind the matching form (normalize.ts). Arguments are UTF-16 code units or
 * code points as named; every class here is about the characters papers and PDF extraction produce.
 */

/** Spaces within a line: tab, space, NBSP, the U+2000 family, narrow NBSP, math space, ideographic space. */
export function isHorizontalSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** A line break: LF, CR, VT, FF, NEL, LINE SEPARATOR. (PARAGRAPH SEPARATOR ends a paragraph, not a line.) */
export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028;
}

/** Any whitespace of the two kinds above, or U+2029. */
export function isWhitespace(c: number): boolean {
  return isHorizontalSpace(c) || isLineBreak(c) || c === 0x2029;
}

/**
 * Invisible characters dropped from the matching form: soft hyphen, combining grapheme joiner, Mongolian vowel
 * separator, zero-width space / non-joiner / joiner, word joiner and invisible math operators, BOM.
 */
export function isIgnorable(c: number): boolean {
  return (
    c === 0xad ||
    c === 0x34f ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200d) ||
    (c >= 0x2060 && c <= 0x2064) ||
    c === 0xfeff
  );
}

/** The hyphens that take part in the line-end rule (hyphen-minus, HYPHEN, NON-BREAKING HYPHEN). */
export const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);

const MARK = /^\p{M}$/u;
const WORD = /^[\p{L}\p{M}\p{N}]$/u;

/** A combining mark (Mn, Mc, Me); none lies below U+0300. */
export function isMarkCodePoint(cp: number): boolean {
  return cp >= 0x300 && MARK.test(String.fromCodePoint(cp));
}

/** Letter, mark or digit (one UTF-16 unit; surrogates count as word characters). */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return WORD.test(String.fromCharCode(c));
}

/** Letter, mark or digit (one code point). */
export function isWordCodePoint(cp: number): boolean {
  return cp > 0xffff || isWordUnit(cp);
}

const APOSTROPHE = "'";
const QUOTE = '"';
const HYPHEN = '-';

/**
 * Quotes, primes and dashes in their ASCII matching form. Looked up for a character on its own before NFKC
 * (which would turn ´ into a space plus a combining mark and ″ into two primes) and for each character NFKC
 * produces: grave and acute accents, modifier primes and apostrophes, typographic single and double quotes,
 * primes, guillemets, and every dash and minus sign.
 */
export const PUNCTUATION = new Map<number, string>([
  ...[0x60, 0xb4, 0x2b9, 0x2bb, 0x2bc, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x2039, 0x203a].map(
    (c) => [c, APOSTROPHE] as const,
  ),
  ...[0x2ba, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0xab, 0xbb, 0x301d, 0x301e, 0x301f].map(
    (c) => [c, QUOTE] as const,
  ),
  ...[0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0x2e3a, 0x2e3b, 0xfe58].map(
    (c) => [c, HYPHEN] as const,
  ),
]);
