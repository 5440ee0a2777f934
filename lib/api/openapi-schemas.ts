/**
 * JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12) of the API's bodies,
 * built from the export's columns and the vocabularies, so the document
 * cannot drift from what the API and the export send.
 */
import { EXPORT_COLUMNS, LIST_SEPARATOR } from '../export/columns';
import { apiColumn, type Column, exportColumn, nullable, type Schema, str } from './openapi-columns';

export type { Schema } from './openapi-columns';
import { LATER_RELEASE_FILES, RELEASE_FILES, RELEASE_TAG_PATTERN } from '../export/release';
import { ERROR_CODES } from '../errors';
import { CARGO_TYPES, WORKFLOW_STATUSES } from '../vocab';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const object = (
  properties: Record<string, Schema>,
  description?: string,
  optional: readonly string[] = [],
): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  properties,
  additionalProperties: false,
});

const listed = (values: readonly { value: string; label: string }[]) =>
  values.map((o) => `\`${o.value}\` ${o.label}`).join(', ');

const columns = (names: readonly string[], map: (c: Column) => Schema) =>
  Object.fromEntries(EXPORT_COLUMNS.filter((c) => names.includes(c.name)).map((c) => [c.name, map(c)]));
const allColumnsBut = (skip: readonly string[]) =>
  EXPORT_COLUMNS.map((c) => c.name as string).filter((n) => !skip.includes(n));

const cargo: Schema = {
  type: 'array',
  description: 'EV cargo items; an empty list means no cargo was identified (the review’s NA).',
  items: object({
    name: str('As reported; miRNA names spelled the miRBase way.'),
    type: str(`Cargo type: ${listed(CARGO_TYPES.list)}.`, { enum: [...CARGO_TYPES.values] }),
    curie: nullable(
      str(
        'The term the item is grounded to: a miRBase mature accession (mirbase.mature:MIMAT…) for a miRNA of the study species, an HGNC id for a human protein or mRNA; null when ungrounded.',
      ),
    ),
  }),
};

const status = str(
  `Workflow status of the finding (${listed(WORKFLOW_STATUSES.list)}). Anonymous callers see "approved" for every finding they can read.`,
  {
    enum: [...WORKFLOW_STATUSES.values],
  },
);

const REVISION_STATES = ['draft', 'submitted', 'approved', 'changes_requested', 'rejected', 'superseded'] as const;

export const COMPONENT_SCHEMAS: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error', 'message'],
    properties: {
      error: str('Stable error code (the same on the read and the write API).', { enum: [...ERROR_CODES] }),
      message: str('What went wrong, for people.'),
      fields: {
        type: 'object',
        description: 'A message per offending parameter or field.',
        additionalProperties: { type: 'string' },
      },
    },
    additionalProperties: false,
  },
  Cargo: cargo,
  SourceRef: object({
    doi: str('DOI, normalized (lower case, no prefix).'),
    citation: str('Citation of the source.'),
    title: nullable(str('Title.')),
    year: nullable({ type: 'integer', description: 'Publication year.' }),
    journal: nullable(str('Journal.')),
  }),
  HistoryEntry: object({
    revision: { type: 'integer', minimum: 1, description: 'Revision number.' },
    author: str('Name of the revision’s author.'),
    created_at: str('When the revision was started.', { format: 'date-time' }),
    submitted_at: nullable(str('When it was submitted for review; null for a draft.', { format: 'date-time' })),
    change_summary: str('What the revision changed.'),
    state: str('Where the revision stands.', { enum: [...REVISION_STATES] }),
  }),
  FindingSummary: object(
    {
      finding_id: apiColumn(EXPORT_COLUMNS[0]),
      status,
      revision: {
        type: 'integer',
        minimum: 1,
        description: 'Number of the revision listed (the approved one; with a status filter, the latest).',
      },
      ...columns(
        ['target_organ', 'target_organ_id', 'species', 'species_id', 'origin', 'origin_id', 'direction'],
        (c) => (c.name.endsWith('_id') ? nullable(apiColumn(c)) : apiColumn(c)),
      ),
      ...columns(['ev_source'], apiColumn),
      cargo: ref('Cargo'),
      ...columns(['recipient_cell', 'model_disease', 'result', 'study_type', 'effect_direction', 'doi'], apiColumn),
      year: nullable({ type: 'integer', description: 'Publication year of the source.' }),
      reference: str('Short citation, e.g. "Aswad et al. (2014)".'),
      approved_at: nullable(
        str('When the listed revision was approved; null when it is not approved.', { format: 'date-time' }),
      ),
      updated_at: str('Last change of the finding.', { format: 'date-time' }),
    },
    'A finding as listed: the Table 1 columns and the filterable fields.',
  ),
  FindingList: object({
    data: { type: 'array', items: ref('FindingSummary') },
    next_cursor: nullable(str('Pass as `cursor` for the next page; null on the last page.')),
    count: object({
      n: { type: 'integer', minimum: 0, description: 'Findings matching the filters.' },
      exact: { type: 'boolean', description: 'False when n is the planner’s estimate (above 10 000).' },
    }),
  }),
  FindingDetail: object(
    {
      ...columns(['finding_id', 'revision'], apiColumn),
      status,
      approved: { type: 'boolean', description: 'Whether the revision shown is the approved one.' },
      ...columns(
        allColumnsBut([
          'finding_id',
          'revision',
          'ev_cargo',
          'ev_cargo_types',
          'ev_cargo_ids',
          'citation',
          'doi',
          'approved_by',
          'approved_at',
        ]),
        apiColumn,
      ),
      cargo: ref('Cargo'),
      ...columns(['doi', 'approved_by', 'approved_at'], apiColumn),
      source: ref('SourceRef'),
      history: {
        type: 'array',
        description: 'Signed-in callers only: every submitted revision, and the caller’s own drafts.',
        items: ref('HistoryEntry'),
      },
    },
    'A finding: the approved revision (or, for a signed-in caller, the one in progress when none is approved yet) with every field. Lists are arrays; organ and species as label and id.',
    ['history'],
  ),
  Source: object({
    doi: str('DOI, normalized (lower case, no prefix).'),
    citation: str('Citation of the source.'),
    title: nullable(str('Title.')),
    authors: nullable(str('Authors, as printed.')),
    journal: nullable(str('Journal.')),
    year: nullable({ type: 'integer', description: 'Publication year.' }),
    volume_pages: nullable(str('Volume and pages.')),
    pmid: nullable(str('PubMed id.')),
    metadata_origin: str('Where the metadata came from.', { enum: ['crossref', 'bundled', 'manual'] }),
    retracted: { type: 'boolean', description: 'Whether the source has been retracted.' },
    finding_ids: { type: 'array', items: str('Public id of an approved finding citing this source.') },
    findings: {
      type: 'array',
      items: object({
        finding_id: str('Public id.'),
        target_organ: str('Target organ (label).'),
        species: str('Species (label).'),
        result: str('The finding statement.'),
      }),
    },
  }),
  ExportRecord: object(
    Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.name, exportColumn(c)])),
    `One finding in the JSON/NDJSON export and a release's findings.json: the export columns in order. In CSV the same columns, list cells "${LIST_SEPARATOR}"-joined and formula-like cells prefixed with '.`,
  ),
  ReleaseFile: object({
    format: str('Which file.', { enum: Object.values(RELEASE_FILES).map((f) => f.format) }),
    sha256: str('SHA-256 (hex) of the file.', { pattern: '^[0-9a-f]{64}$' }),
    bytes: { type: 'integer', minimum: 0, description: 'Size in bytes.' },
  }),
  Release: object({
    tag: str('Release tag, year.month.number.', { pattern: RELEASE_TAG_PATTERN.source }),
    notes: str('Release notes.'),
    created_at: str('When the release was cut.', { format: 'date-time' }),
    created_by: str('Who cut it.'),
    finding_count: { type: 'integer', minimum: 0, description: 'Findings in the release.' },
    source_count: { type: 'integer', minimum: 0, description: 'Sources they cite.' },
    checksum: str('SHA-256 (hex) of findings.csv.', { pattern: '^[0-9a-f]{64}$' }),
    files: { type: 'array', items: ref('ReleaseFile') },
    downloads: object(
      Object.fromEntries(Object.keys(RELEASE_FILES).map((f) => [f, str(`Absolute URL of ${f}.`, { format: 'uri' })])),
      `Download links of the release files (${LATER_RELEASE_FILES.join(', ')}: releases cut since it exists).`,
      LATER_RELEASE_FILES,
    ),
    citation: str('How to cite the release.'),
  }),
  DataPackage: {
    type: 'object',
    description:
      'A Frictionless Data Package describing findings.csv, a tabular data resource, and evidence.jsonld (https://specs.frictionlessdata.io/data-package/).',
    required: ['profile', 'name', 'version', 'resources'],
    properties: {
      profile: { const: 'data-package' },
      name: { type: 'string' },
      version: { type: 'string' },
      resources: { type: 'array', items: { type: 'object' } },
    },
  },
};
