/** The reusable parts of the OpenAPI document: parameters (from the browse filters' vocabularies) and responses. */
import { ANATOMY_CURIE, PAGE_SIZES, SORTS, TAXON_CURIE } from '../browse/filters';
import { EXPORT_FORMATS } from '../export/encode';
import { CARGO_TYPES, DIRECTIONS, EFFECT_DIRECTIONS, ORGANS, SPECIES, STUDY_TYPES, WORKFLOW_STATUSES } from '../vocab';
import { CURIE_PATTERN } from '../vocab/fields';
import type { Schema } from './openapi-schemas';

export const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});
const terms = (list: readonly { value: string; label: string }[]) =>
  list.map((o) => `\`${o.value}\` ${o.label}`).join(', ');
export const query = (name: string, description: string, schema: Schema) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

/** The findings page's filters (lib/browse/filters.ts), shared by the list and the export. */
export const FILTER_PARAMETERS: Record<string, ReturnType<typeof query>> = {
  organ: query(
    'organ',
    `Target organ, by anatomy term id (UBERON, or a local EVXT term); matches the term and every term under it (\`UBERON:0001016\` nervous system finds brain, spinal cord and nerves). The review's organ groups: ${ORGANS.map((o) => `\`${o.id}\` ${o.label}`).join(', ')}. An unknown term, or one that is not anatomy, is a 400.`,
    { type: 'string', pattern: ANATOMY_CURIE.source },
  ),
  origin: query('origin', 'Donor organ, by anatomy term id, with the terms under it (see `organ`).', {
    type: 'string',
    pattern: ANATOMY_CURIE.source,
  }),
  direction: query('direction', `Direction of the crosstalk: ${terms(DIRECTIONS.list)}.`, {
    type: 'string',
    enum: [...DIRECTIONS.values],
  }),
  species: query(
    'species',
    `Species, by NCBI Taxonomy id (any taxon loaded), e.g. ${SPECIES.slice(0, 5)
      .map((x) => `\`${x.id}\` ${x.label}`)
      .join(', ')}.`,
    { type: 'string', pattern: TAXON_CURIE.source },
  ),
  term: query(
    'term',
    'Findings that use this term, or a term under it, in any grounded field (organs, species, EV source, recipient cell, disease, target gene, method, cargo): `UBERON:0001013` adipose tissue finds brown and white adipose tissue. Any term id (CURIE); an unknown one is a 400.',
    { type: 'string', pattern: CURIE_PATTERN.source, maxLength: 60 },
  ),
  cargoType: query('cargoType', `Findings with at least one cargo item of this type: ${terms(CARGO_TYPES.list)}.`, {
    type: 'string',
    enum: [...CARGO_TYPES.values],
  }),
  cargo: query('cargo', 'Cargo name contains this text (case-insensitive), e.g. `miR-133`.', {
    type: 'string',
    maxLength: 100,
  }),
  study: query('study', `Study type: ${terms(STUDY_TYPES.list)}.`, { type: 'string', enum: [...STUDY_TYPES.values] }),
  effect: query('effect', `Effect direction: ${terms(EFFECT_DIRECTIONS.list)}.`, {
    type: 'string',
    enum: [...EFFECT_DIRECTIONS.values],
  }),
  yearFrom: query('yearFrom', 'Source published in or after this year.', {
    type: 'integer',
    minimum: 1800,
    maximum: 2100,
  }),
  yearTo: query('yearTo', 'Source published in or before this year (not before `yearFrom`).', {
    type: 'integer',
    minimum: 1800,
    maximum: 2100,
  }),
  doi: query('doi', 'Source DOI, in any written form (`10.…`, `doi:10.…`, `https://doi.org/10.…`).', {
    type: 'string',
    maxLength: 400,
  }),
  status: query(
    'status',
    `Workflow status: ${terms(WORKFLOW_STATUSES.list)}. Anything but \`approved\` needs a signed-in curator (401 otherwise); drafts are only the caller's own.`,
    { type: 'string', enum: [...WORKFLOW_STATUSES.values] },
  ),
  q: query(
    'q',
    'Full-text search over the result, cargo, mechanism, model, cells, organ and species (web-search syntax: quotes, `or`, `-word`).',
    {
      type: 'string',
      maxLength: 200,
    },
  ),
};

export const PAGE_PARAMETERS = {
  sort: query('sort', '`updated` (approval time), `organ`, `species`, `year`, `doi`, or `relevance` (needs `q`).', {
    type: 'string',
    enum: [...SORTS],
    default: 'updated',
  }),
  dir: query('dir', 'Sort direction; the default depends on the sort (newest first for `updated` and `year`).', {
    type: 'string',
    enum: ['asc', 'desc'],
  }),
  limit: query('limit', 'Findings per page.', { type: 'integer', enum: [...PAGE_SIZES], default: 50 }),
  cursor: query('cursor', 'The `next_cursor` of the previous page (keyset pagination).', {
    type: 'string',
    maxLength: 600,
    pattern: '^[A-Za-z0-9_-]+$',
  }),
};

export const EXPORT_PARAMETERS = {
  format: { ...query('format', 'File format.', { type: 'string', enum: [...EXPORT_FORMATS], default: 'csv' }) },
  bom: query('bom', 'CSV only: start with a UTF-8 byte order mark (for Excel).', {
    type: 'string',
    enum: ['0', '1', 'true', 'false'],
    default: '0',
  }),
};

export const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('schemas', 'Error') } },
});
export const json = (description: string, schema: Schema) => ({
  description,
  content: { 'application/json': { schema } },
});
export const filterRefs = Object.keys(FILTER_PARAMETERS).map((k) => ref('parameters', k));

export const RESPONSES = {
  BadRequest: error('A parameter is not valid; `fields` says which and why.'),
  Unauthorized: error('Sign in first: the dataset is not public, or the request needs a signed-in user.'),
  Forbidden: error('Signed in, but the role does not allow this.'),
  NotFound: error('No such resource (or not visible to the caller).'),
};
