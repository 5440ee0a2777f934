/** citation-js, loaded once with the plugins intake uses (RIS, BibTeX, CSL). */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';

/** Parses `input` (RIS or BibTeX text, or CSL-JSON items) into CSL-JSON items; throws what citation-js throws. */
export function toCsl(input: unknown): Record<string, unknown>[] {
  const out = plugins.input.chain(input, { target: '@csl/list+object', generateGraph: false });
  return out.filter((x): x is Record<string, unknown> => Boolean(x) && typeof x === 'object' && !Array.isArray(x));
}
