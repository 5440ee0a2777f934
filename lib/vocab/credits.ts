import { LOCAL_VOCABULARY, VOCABULARIES } from './sources';

/** One row of vocab_releases: the release of a vocabulary this database has loaded. */
export type LoadedVocabulary = {
  vocab: string;
  version: string;
  termCount: number;
  obsoleteCount: number;
  loadedAt: Date;
};

/** What a database holds: the loaded vocabulary releases, and the local terms (EVXT) admins accepted. */
export type VocabularySnapshot = { loaded: LoadedVocabulary[]; local: { terms: number; obsolete: number } };

/** A vocabulary as the About page and datapackage.json credit it: its source and licence, and what is loaded. */
export type VocabularyCredit = {
  id: string;
  name: string;
  prefix: string;
  /** The release the project's file under db/vocab/ was cut from. */
  version: string;
  licence: string;
  licenceUrl: string | null;
  homepage: string | null;
  /** The release this database has loaded, or null when it has loaded none. */
  loaded: LoadedVocabulary | null;
};

/**
 * Every vocabulary the app knows, in VOCABULARIES order, with what the database has
 * loaded of it; then any vocabulary loaded that the code no longer lists (kept, so a
 * snapshot never drops a release it holds terms of).
 */
export function vocabularyCredits(loaded: readonly LoadedVocabulary[]): VocabularyCredit[] {
  const known: VocabularyCredit[] = VOCABULARIES.map((v) => ({
    id: v.id,
    name: v.name,
    prefix: v.prefix,
    version: v.version,
    licence: v.licence,
    licenceUrl: v.licenceUrl,
    homepage: v.homepage,
    loaded: loaded.find((l) => l.vocab === v.id) ?? null,
  }));
  const unknown: VocabularyCredit[] = loaded
    .filter((l) => !VOCABULARIES.some((v) => v.id === l.vocab))
    .map((l) => ({
      id: l.vocab,
      name: l.vocab,
      prefix: l.vocab,
      version: l.version,
      licence: 'not recorded',
      licenceUrl: null,
      homepage: null,
      loaded: l,
    }));
  return [...known, ...unknown];
}

/** Short SPDX-style names of the licences the vocabularies use, by URL (Frictionless `licenses[].name`). */
const LICENCE_NAMES: Record<string, string> = {
  'https://creativecommons.org/licenses/by/3.0/': 'CC-BY-3.0',
  'https://creativecommons.org/licenses/by/4.0/': 'CC-BY-4.0',
  'https://creativecommons.org/publicdomain/zero/1.0/': 'CC0-1.0',
};

export function licenceName(url: string, fallback: string): string {
  return LICENCE_NAMES[url] ?? fallback;
}

export const LOCAL_TERMS_TEXT = `${LOCAL_VOCABULARY.name} (${LOCAL_VOCABULARY.prefix}:…): terms an admin accepted from curators' requests, with stable ids never reused`;
