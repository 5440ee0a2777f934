/**
 * Where an obsolete term's `replaced_by` chain ends. A release may replace A by
 * B and a later one B by C: a finding that still uses A should be pointed to C,
 * the term a curator can choose today, never to B (which a write would refuse).
 */

/** What the chain needs to know of a term: is it obsolete, and which term its release says replaces it. */
export type ReplacementLink = { obsolete: boolean; replacedBy: string | null };

/**
 * The current (loaded, not obsolete) term that `curie`'s replacement chain ends at,
 * or null when there is none: the chain reaches a term with no replacement, an id
 * no vocabulary holds, or loops back on itself. A current term has no replacement.
 */
export function currentReplacement(
  curie: string,
  termOf: (curie: string) => ReplacementLink | undefined,
): string | null {
  const start = termOf(curie);
  if (!start?.obsolete) return null;
  const seen = new Set([curie]);
  let next = start.replacedBy;
  while (next !== null) {
    if (seen.has(next)) return null;
    seen.add(next);
    const t = termOf(next);
    if (!t) return null;
    if (!t.obsolete) return next;
    next = t.replacedBy;
  }
  return null;
}
