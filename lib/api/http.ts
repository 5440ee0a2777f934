/**
 * The read API's answers: JSON bodies, `{error, message, fields?}` errors
 * with 400/401/403/404, and who may read at all. Framework-free (Web
 * `Response`), so the handlers stay a few lines each.
 */
import type { BrowseQuery } from '../browse/filters';
import { type DomainError, HTTP_STATUS, isDomainError } from '../errors';
import { jsonError } from '../http';

export const API_ERROR_CODES = [
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Answers depend on the caller (drafts, history), so no shared cache may keep them. */
const HEADERS = { 'cache-control': 'private, no-store', vary: 'Cookie' } as const;

export function apiJson(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: HEADERS });
}

export function apiError(
  status: 400 | 401 | 403 | 404 | 409 | 429 | 500 | 503,
  error: ApiErrorCode,
  message: string,
  fields?: Record<string, string>,
): Response {
  const r = jsonError(status, error, message, fields);
  for (const [k, v] of Object.entries(HEADERS)) r.headers.set(k, v);
  return r;
}

export const invalidQuery = (fields: Record<string, string>) =>
  apiError(400, 'invalid', `Some query parameters are not valid: ${Object.keys(fields).join(', ')}.`, fields);

export const notFound = (what = 'finding') => apiError(404, 'not_found', `No such ${what}.`);

/** Anonymous callers read only while the admin setting "public read" is on. */
export function readDenied(publicRead: boolean, viewer: unknown): Response | null {
  if (publicRead || viewer) return null;
  return apiError(401, 'unauthorized', 'This dataset is not public; sign in to read it.');
}

/** Workflow status filters other than "approved" are for signed-in curators. */
export function statusDenied(q: Pick<BrowseQuery, 'status'>, viewer: unknown): Response | null {
  if (!q.status || q.status === 'approved' || viewer) return null;
  return apiError(401, 'unauthorized', 'Sign in to filter by workflow status; only approved findings are public.', {
    status: 'Sign in first.',
  });
}

/** A domain error as its own status (400, 401, 403, 404, 409, 429, 503); anything else is logged and hidden behind a 500. */
export function domainErrorResponse(e: unknown): Response {
  if (isDomainError(e))
    return apiError(HTTP_STATUS[e.kind] as Parameters<typeof apiError>[0], e.kind, e.message, fieldsOf(e));
  console.error(e);
  return apiError(500, 'internal', 'Something went wrong on our side; try again.');
}

function fieldsOf(e: DomainError): Record<string, string> | undefined {
  return e.details?.fields ?? (e.field ? { [e.field]: e.message } : undefined);
}
