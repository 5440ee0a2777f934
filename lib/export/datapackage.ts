import { LOCAL_TERMS_TEXT, licenceName, type VocabularySnapshot, vocabularyCredits } from '../vocab/credits';
import { LOCAL_VOCABULARY } from '../vocab/sources';
import { CSV_FALSE, CSV_TRUE, EXPORT_COLUMNS, LIST_SEPARATOR } from './columns';

/**
 * A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/)
 * describing a release's findings.csv, so that frictionless, pandas (via
 * frictionless) or R's frictionless package load it with types, and its
 * evidence.jsonld. The package profile is the generic `data-package`: a
 * `tabular-data-package` may hold tabular resources only, and the JSON-LD is
 * not one; findings.csv stays a `tabular-data-resource` and loads typed.
 */
export type TabularResource = {
  name: string;
  path: string;
  profile: 'tabular-data-resource';
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  hash: string;
  bytes: number;
  dialect: { delimiter: ','; lineTerminator: '\r\n'; quoteChar: '"'; doubleQuote: true; header: true };
  schema: {
    fields: {
      name: string;
      type: string;
      description: string;
      format?: string;
      trueValues?: string[];
      falseValues?: string[];
      constraints?: Record<string, unknown>;
    }[];
    primaryKey: string;
    missingValues: string[];
  };
};
export type EvidenceResource = {
  name: 'evidence';
  path: 'evidence.jsonld';
  profile: 'data-resource';
  format: 'jsonld';
  mediatype: 'application/ld+json';
  encoding: 'utf-8';
  hash: string;
  bytes: number;
  description: string;
};

export type DataPackage = {
  profile: 'data-package';
  name: string;
  version: string;
  title: string;
  description: string;
  homepage?: string;
  created: string;
  licenses: { name: string; path: string; title: string }[];
  sources: { title: string; path?: string }[];
  /** Custom property: the vocabulary releases the database held when the release was cut. */
  vocabularies: PackageVocabulary[];
  /** findings.csv first, then evidence.jsonld (releases cut since it exists). */
  resources: [TabularResource, ...EvidenceResource[]];
};

/** One vocabulary of a release: the loaded version and term count, under the licence its source states. */
export type PackageVocabulary = {
  id: string;
  name: string;
  prefix: string;
  version: string;
  licence: string;
  licenceUrl: string | null;
  homepage: string | null;
  terms: number;
  obsoleteTerms: number;
  loadedAt: string | null;
};

export const DATAPACKAGE_NAME = 'evx-crosstalk';

// The seeded findings come from Table 1 of an open-access review published under CC BY 4.0; releases keep that licence.
export const LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
};
export const SEED_SOURCE = {
  title:
    'Jia et al. (2025) Muscle-derived extracellular vesicles mediate crosstalk between skeletal muscle and other organs. Front. Physiol. 15:1501957, Table 1 (CC BY 4.0)',
  path: 'https://doi.org/10.3389/fphys.2024.1501957',
};

/** The loaded vocabularies (VOCABULARIES order), then the local terms when there are any. */
function packageVocabularies(snapshot: VocabularySnapshot, tag: string): PackageVocabulary[] {
  const loaded = vocabularyCredits(snapshot.loaded).flatMap((c) =>
    c.loaded
      ? [
          {
            id: c.id,
            name: c.name,
            prefix: c.prefix,
            version: c.loaded.version,
            licence: c.licence,
            licenceUrl: c.licenceUrl,
            homepage: c.homepage,
            terms: c.loaded.termCount,
            obsoleteTerms: c.loaded.obsoleteCount,
            loadedAt: c.loaded.loadedAt.toISOString(),
          },
        ]
      : [],
  );
  if (snapshot.local.terms === 0) return loaded;
  return [
    ...loaded,
    {
      id: LOCAL_VOCABULARY.id,
      name: LOCAL_VOCABULARY.name,
      prefix: LOCAL_VOCABULARY.prefix,
      version: `as of release ${tag}`,
      licence: 'CC BY 4.0, as the dataset',
      licenceUrl: LICENSE.path,
      homepage: null,
      terms: snapshot.local.terms,
      obsoleteTerms: snapshot.local.obsolete,
      loadedAt: null,
    },
  ];
}

/** Each vocabulary credited as a source, and its licence where the source states one with a URL. */
function vocabularyCreditsOf(vocabularies: PackageVocabulary[], homepage: string | undefined) {
  const sources = vocabularies.map((v) =>
    v.id === LOCAL_VOCABULARY.id
      ? { title: `${LOCAL_TERMS_TEXT}; ${v.terms} at this release`, ...(homepage ? { path: homepage } : {}) }
      : { title: `${v.name}, ${v.version} (licence: ${v.licence})`, ...(v.homepage ? { path: v.homepage } : {}) },
  );
  const licenses = vocabularies.flatMap((v) =>
    v.licenceUrl && v.id !== LOCAL_VOCABULARY.id
      ? [
          {
            name: licenceName(v.licenceUrl, v.licence),
            path: v.licenceUrl,
            title: `${v.name}, ${v.version}: ${v.licence} (term ids and labels in the grounded columns)`,
          },
        ]
      : [],
  );
  return { sources, licenses };
}

export function buildDataPackage(input: {
  tag: string;
  created: Date;
  csvSha256: string;
  csvBytes: number;
  /** evidence.jsonld's SHA-256 and size, when the release publishes it. */
  evidence?: { sha256: string; bytes: number };
  homepage?: string;
  /** What vocab_releases held when the release was cut: the package keeps these versions for good. */
  vocabularies: VocabularySnapshot;
}): DataPackage {
  const vocabularies = packageVocabularies(input.vocabularies, input.tag);
  const credits = vocabularyCreditsOf(vocabularies, input.homepage);
  return {
    profile: 'data-package',
    name: DATAPACKAGE_NAME,
    version: input.tag,
    title: `EV Crosstalk Curator dataset, release ${input.tag}`,
    description:
      'Curated, peer-reviewed findings on extracellular-vesicle mediated crosstalk between skeletal muscle and other organs, ' +
      'each tied to its source DOI. One row per finding: the revision approved when the release was cut. ' +
      'The seed data (the 33 findings of Table 1 of Jia et al. 2025) is licensed CC BY 4.0; the release is distributed under the same licence. ' +
      'Grounded columns carry the ids and labels of terms of the vocabularies listed under "vocabularies" (the releases loaded when this release was cut), ' +
      'each credited under "sources" and, where its source states a licence with a URL, under "licenses". ' +
      `List columns are "${LIST_SEPARATOR}"-separated. A cell starting with = + - @ tab or CR is prefixed with ' against spreadsheet formula injection; strip it to get the value.`,
    ...(input.homepage ? { homepage: input.homepage } : {}),
    created: input.created.toISOString(),
    licenses: [LICENSE, ...credits.licenses],
    sources: [SEED_SOURCE, ...credits.sources],
    vocabularies,
    resources: [
      {
        name: 'findings',
        path: 'findings.csv',
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        hash: `sha256:${input.csvSha256}`,
        bytes: input.csvBytes,
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: EXPORT_COLUMNS.map((c) => ({
            name: c.name,
            type: c.type,
            description:
              'list' in c && c.list ? `${c.description} A "${LIST_SEPARATOR}"-separated list.` : c.description,
            ...(c.name === 'finding_id'
              ? { constraints: { required: true, unique: true, pattern: '^EVX-\\d{6,9}$' } }
              : {}),
            ...(c.name === 'revision' ? { constraints: { required: true, minimum: 1 } } : {}),
            ...(c.type === 'boolean' ? { trueValues: [CSV_TRUE], falseValues: [CSV_FALSE] } : {}),
          })),
          primaryKey: 'finding_id',
          missingValues: [''],
        },
      },
      ...(input.evidence ? [evidenceResource(input.evidence)] : []),
    ],
  };
}

function evidenceResource(e: { sha256: string; bytes: number }): EvidenceResource {
  return {
    name: 'evidence',
    path: 'evidence.jsonld',
    profile: 'data-resource',
    format: 'jsonld',
    mediatype: 'application/ld+json',
    encoding: 'utf-8',
    hash: `sha256:${e.sha256}`,
    bytes: e.bytes,
    description:
      'The evidence quote of each finding as a W3C Web Annotation collection (JSON-LD): target the source DOI with TextQuoteSelector and TextPositionSelector, as in the evidence_* columns of findings.csv.',
  };
}
