/**
 * The OpenAPI 3.1 document of `/api/v1`, built (not hand-written) from the
 * browse filters' vocabularies, the export's columns and formats and the
 * release files, and served at /api/v1/openapi.json.
 */
import { EXPORT_PARAMETERS, FILTER_PARAMETERS, PAGE_PARAMETERS, RESPONSES } from './openapi-components';
import { paths } from './openapi-paths';
import { COMPONENT_SCHEMAS } from './openapi-schemas';

export { FILTER_PARAMETERS } from './openapi-components';

export const OPENAPI_VERSION = '3.1.0';
export const API_VERSION = '1.0.0';

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
        'JSON over HTTPS. Errors are `{error, message, fields?}` with status 400 (bad parameter), 401 (sign in, or a bad token), 403 (role, or a read-only token writing), 404, 413 (`too_large`), 429 (`rate_limited`); 500 (`internal`) when something failed on the server, and 503 (`unavailable`, with `Retry-After`) while the database cannot be reached.',
        'Anonymous callers read approved findings while the admin setting "public read" is on; signed-in callers (the app’s session cookie, or a personal API token from /settings/tokens as `Authorization: Bearer …`) also see work in progress they may see.',
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
    security: [{}, { session: [] }, { token: [] }],
    paths: paths(),
    components: {
      securitySchemes: {
        token: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token (`evx_…`), created and revoked at /settings/tokens; read or read-write.',
        },
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
