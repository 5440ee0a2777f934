import { EXPORT_COLUMNS, LIST_SEPARATOR } from './columns';

/**
 * A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/)
 * describing a release's findings.csv, so that frictionless, pandas (via
 * frictionless) or R's frictionless package load it with types.
 */
export type DataPackage = {
  profile: 'tabular-data-package';
  name: string;
  version: string;
  title: string;
  description: string;
  homepage?: string;
  created: string;
  licenses: { name: string; path: string; title: string }[];
  sources: { title: string; path: string }[];
  resources: {
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
        constraints?: Record<string, unknown>;
      }[];
      primaryKey: string;
      missingValues: string[];
    };
  }[];
};

export const DATAPACKAGE_NAME = 'evx-crosstalk';

// The seeded findings come from Table 1 of an open-access review published under CC BY 4.0; releases keep that licence.
const LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
};
const SEED_SOURCE = {
  title:
    'Jia et al. (2025) Muscle-derived extracellular vesicles mediate crosstalk between skeletal muscle and other organs. Front. Physiol. 15:1501957, Table 1 (CC BY 4.0)',
  path: 'https://doi.org/10.3389/fphys.2024.1501957',
};

export function buildDataPackage(input: {
  tag: string;
  created: Date;
  csvSha256: string;
  csvBytes: number;
  homepage?: string;
}): DataPackage {
  return {
    profile: 'tabular-data-package',
    name: DATAPACKAGE_NAME,
    version: input.tag,
    title: `EV Crosstalk Curator dataset, release ${input.tag}`,
    description:
      'Curated, peer-reviewed findings on extracellular-vesicle mediated crosstalk between skeletal muscle and other organs, ' +
      'each tied to its source DOI. One row per finding: the revision approved when the release was cut. ' +
      'The seed data (the 33 findings of Table 1 of Jia et al. 2025) is licensed CC BY 4.0; the release is distributed under the same licence. ' +
      `List columns are "${LIST_SEPARATOR}"-separated. A cell starting with = + - @ tab or CR is prefixed with ' against spreadsheet formula injection; strip it to get the value.`,
    ...(input.homepage ? { homepage: input.homepage } : {}),
    created: input.created.toISOString(),
    licenses: [LICENSE],
    sources: [SEED_SOURCE],
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
          })),
          primaryKey: 'finding_id',
          missingValues: [''],
        },
      },
    ],
  };
}
