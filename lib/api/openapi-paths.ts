/** The paths of the OpenAPI document: the read API over findings, sources and the export, and the releases. */
import { RELEASE_FILES, RELEASE_TAG_PATTERN } from '../export/release';
import { filterRefs, json, PAGE_PARAMETERS, ref } from './openapi-components';
import type { Schema } from './openapi-schemas';

const csvRelease = {
  description: 'findings.csv of the release, byte for byte as cut.',
  content: { 'text/csv': { schema: { type: 'string' } } },
};

/** The findings list and one finding. */
function findingPaths() {
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
  };
}

/** A source by DOI, and the export. */
function sourceAndExportPaths() {
  return {
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
  };
}

/** The releases, their files, and this document. */
function releasePaths() {
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
    '/api/v1/releases/{tag}/evidence.jsonld': releaseFile(
      'evidence.jsonld',
      {
        description:
          'The evidence quotes of the release as a W3C Web Annotation collection (JSON-LD, https://www.w3.org/TR/annotation-model/): one Annotation per finding with a quote, its body the finding’s page, its target the source DOI with a TextQuoteSelector and, when anchored in stored text, a TextPositionSelector and evx:snapshotSha256; evx:verified says whether the quote was found in stored text. Releases cut before this file existed answer 404.',
        content: {
          'application/ld+json': {
            schema: {
              type: 'object',
              required: ['@context', 'id', 'type', 'total', 'first'],
              properties: { type: { const: 'AnnotationCollection' }, total: { type: 'integer', minimum: 0 } },
            },
          },
        },
      },
      'A release’s evidence as W3C Web Annotations.',
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

export function paths() {
  return { ...findingPaths(), ...sourceAndExportPaths(), ...releasePaths() };
}
