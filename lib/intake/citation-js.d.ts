// citation-js ships no type declarations; this is the small part lib/intake uses.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(input: unknown, options?: { target?: string; generateGraph?: boolean }): unknown[];
      list(): string[];
    };
  };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
