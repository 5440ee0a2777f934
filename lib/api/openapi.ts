/**
 * The OpenAPI 3.1 document of `/api/v1`, built (not hand-written) from the
 * browse filters' vocabularies, the export's columns and formats and the
 * release files, and served at /api/v1/openapi.json.
 */
import { PAGE_SIZES, SORTS } from '../browse/filters';
import { EXPORT_FORMATS } from '../export/encode';
import { RELEASE_FILES, RELEASE_TAG_PATTERN } from '../export/release';
import { CARGO_TYPES, DIRECTIONS, EFFECT_DIRECTIONS, ORGANS, SPECIES, STUDY_TYPES, WORKFLOW_STATUSES } from '../vocab';
import { COMPONENT_SCHEMAS, type Schema } from './openapi-schemas';

export const OPENAPI_VERSION = '3.1.0';
export const API_VERSION = '1.0.0';

const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({ $ref: `#/components/${kind}/${name}` });
const terms = (list: readonly { value: string; label: string }[]) =>
  list.map((o) => `\`${o.value}\` ${o.label}`).join(', ');
const query = (name: string, description: string, schema: Schema) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

/** The findings page's filters (lib/browse/filters.ts), shared by the list and the export. */
export const FILTER_PARAMETERS: Record<string, ReturnType<typeof query>> = {
  organ: query('organ', `Target organ, by UBERON id: ${ORGANS.map((o) => `\`${o.id}\` ${o.label}`).join(', ')}.`, {
    type: 'string',
    enum: ORGANS.map((o) => o.id),
  }),
  origin: query('origin', 'Donor organ, by UBERON id (see `organ`).', {
    type: 'string',
    enum: ORGANS.map((o) => o.id),
  }),
  direction: query('direction', `Direction of the crosstalk: ${terms(DIRECTIONS.list)}.`, {
    type: 'string',
    enum: [...DIRECTIONS.values],
  }),
  species: query(
    'species',
    `Species, by NCBI Taxonomy id: ${SPECIES.map((s) => `\`${s.id}\` ${s.label}`).join(', ')}.`,
    {
      type: 'string',
      enum: SPECIES.map((s) => s.id),
    },
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

const PAGE_PARAMETERS = {
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

const EXPORT_PARAMETERS = {
  format: { ...query('format', 'File format.', { type: 'string', enum: [...EXPORT_FORMATS], default: 'csv' }) },
  bom: query('bom', 'CSV only: start with a UTF-8 byte order mark (for Excel).', {
    type: 'string',
    enum: ['0', '1', 'true', 'false'],
    default: '0',
  }),
};

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('schemas', 'Error') } },
});
const json = (description: string, schema: Schema) => ({ description, content: { 'application/json': { schema } } });
const filterRefs = Object.keys(FILTER_PARAMETERS).map((k) => ref('parameters', k));

const RESPONSES = {
  BadRequest: error('A parameter is not valid; `fields` says which and why.'),
  Unauthorized: error('Sign in first: the dataset is not public, or the request needs a signed-in user.'),
  Forbidden: error('Signed in, but the role does not allow this.'),
  NotFound: error('No such resource (or not visible to the caller).'),
};

const csvRelease = {
  description: 'findings.csv of the release, byte for byte as cut.',
  content: { 'text/csv': { schema: { type: 'string' } } },
};

function paths() {
  const tag = {
    name: 'tag',
    in: 'path',
    required: true,
    description: 'Release tag, e.g. 2026.11.0.',
    schema: { type: 'string', pattern: RELEASE_TAG_PATTERN.source },
  };
  const releaseFile = (file: keyof typeof RELEASE_FILES, ok: Schema, summary: string) => ({
    get: {
      operationId: `getRelease${file.replace(/(^|[.])(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`,
      tags: ['releases'],
      summary,
      parameters: [tag],
      responses: { 200: ok, 401: ref('responses', 'Unauthorized'), 404: ref('responses', 'NotFound') },
    },
  });
  return {
    '/api/v1/findings': {
      get: {
        operationId: 'listFindings',
        tags: ['findings'],
        summary: 'Approved findings, filtered, sorted and paged by keyset; the same filters as the findings page.',
        parameters: [...filterRefs, ...Object.keys(PAGE_PARAMETERS).map((k) => ref('parameters', k))],
        responses: {
          200: json('One page of findings.', ref('schemas', 'FindingList')),
          400: ref('responses', 'BadRequest'),
          401: ref('responses', 'Unauthorized'),
          403: ref('responses', 'Forbidden'),
        },
      },
    },
    '/api/v1/findings/{id}': {
      get: {
        operationId: 'getFinding',
        tags: ['findings'],
        summary: 'One finding: its approved revision with every field; signed-in callers also get its history.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'Public id, e.g. EVX-000042.',
            schema: { type: 'string', pattern: '^EVX-\\d{6,9}$' },
          },
        ],
        responses: {
          200: json('The finding.', ref('schemas', 'FindingDetail')),
          401: ref('responses', 'Unauthorized'),
          404: ref('responses', 'NotFound'),
        },
      },
    },
    '/api/v1/sources/{doi}': {
      get: {
        operationId: 'getSource',
        tags: ['sources'],
        summary: 'A source by DOI, with its approved findings.',
        parameters: [
          {
            name: 'doi',
            in: 'path',
            required: true,
            description:
              'The DOI in any written form; its "/" may be sent as is (`/api/v1/sources/10.1007/s00125-014-3337-2`) or as %2F.',
            schema: { type: 'string', maxLength: 400 },
          },
        ],
        responses: {
          200: json('The source.', ref('schemas', 'Source')),
          400: ref('responses', 'BadRequest'),
          401: ref('responses', 'Unauthorized'),
          404: ref('responses', 'NotFound'),
        },
      },
    },
    '/api/v1/export': {
      get: {
        operationId: 'exportFindings',
        tags: ['export'],
        summary: 'Every approved finding matching the filters, streamed as CSV (RFC 4180), JSON or NDJSON.',
        parameters: [ref('parameters', 'format'), ref('parameters', 'bom'), ...filterRefs],
        responses: {
          200: {
            description:
              'The file (Content-Disposition: attachment). CSV: header line of the export columns; JSON: an array of records; NDJSON: one record per line.',
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/json': { schema: { type: 'array', items: ref('schemas', 'ExportRecord') } },
              'application/x-ndjson': { schema: { type: 'string', description: 'One ExportRecord (JSON) per line.' } },
            },
          },
          400: ref('responses', 'BadRequest'),
          401: ref('responses', 'Unauthorized'),
        },
      },
    },
    '/api/v1/releases': {
      get: {
        operationId: 'listReleases',
        tags: ['releases'],
        summary: 'Frozen, citable dataset releases, newest first.',
        responses: {
          200: json('The releases.', {
            type: 'object',
            required: ['data'],
            properties: { data: { type: 'array', items: ref('schemas', 'Release') } },
          }),
          401: ref('responses', 'Unauthorized'),
        },
      },
    },
    '/api/v1/releases/{tag}/findings.csv': releaseFile('findings.csv', csvRelease, 'A release as CSV.'),
    '/api/v1/releases/{tag}/findings.json': releaseFile(
      'findings.json',
      json('findings.json of the release.', { type: 'array', items: ref('schemas', 'ExportRecord') }),
      'A release as JSON.',
    ),
    '/api/v1/releases/{tag}/datapackage.json': releaseFile(
      'datapackage.json',
      json('The Frictionless Data Package describing findings.csv.', ref('schemas', 'DataPackage')),
      'A release’s datapackage.json.',
    ),
    '/api/v1/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        tags: ['meta'],
        summary: 'This document.',
        security: [],
        responses: { 200: json('The OpenAPI document.', { type: 'object' }) },
      },
    },
  };
}

/** The whole document; plain JSON, safe to serve and to validate. */
export function buildOpenApiDocument() {
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'EV Crosstalk Curator API',
      version: API_VERSION,
      summary:
        'Read access to curated findings on extracellular-vesicle crosstalk between skeletal muscle and other organs.',
      description: [
        'JSON over HTTPS. Errors are `{error, message, fields?}` with status 400 (bad parameter), 401 (sign in), 403 (role) or 404; 500 (`internal`) when something failed on the server, and 503 (`unavailable`, with `Retry-After`) while the database cannot be reached.',
        'Anonymous callers read approved findings while the admin setting "public read" is on; signed-in callers (the app’s session cookie) also see work in progress they may see.',
        'Keys follow the export’s columns: organs and species come as label and id (UBERON, NCBI Taxonomy), lists as arrays, cargo as {name, type}.',
      ].join('\n\n'),
      license: { name: 'CC-BY-4.0', identifier: 'CC-BY-4.0' },
    },
    servers: [{ url: '/', description: 'This server.' }],
    tags: [
      { name: 'findings', description: 'Curated findings.' },
      { name: 'sources', description: 'Cited publications.' },
      { name: 'export', description: 'Downloads of the approved dataset.' },
      { name: 'releases', description: 'Frozen, citable versions of the dataset.' },
      { name: 'meta', description: 'About the API.' },
    ],
    security: [{}, { session: [] }],
    paths: paths(),
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description: 'The app’s session cookie (`__Secure-next-auth.session-token` over HTTPS), set by signing in.',
        },
      },
      parameters: { ...FILTER_PARAMETERS, ...PAGE_PARAMETERS, ...EXPORT_PARAMETERS },
      responses: RESPONSES,
      schemas: COMPONENT_SCHEMAS,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
