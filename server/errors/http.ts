/**
 * Every JSON answer of the read and write APIs, and the one mapping of errors to HTTP: a domain
 * error as its status with `{error, message, fields?}`, an unreachable database as 503 with
 * Retry-After, anything else logged and answered 500 `internal` — never a stack trace.
 */
import 'server-only';
import { isConnectionError } from '@/db/errors';
import { DomainError, type ErrorCode, HTTP_STATUS, isDomainError } from '@/lib/errors';

/** Answers depend on the caller (drafts, history), so no shared cache may keep them. */
const PRIVATE = { 'cache-control': 'private, no-store', vary: 'Cookie, Authorization' } as const;

export type ErrorBody = { error: ErrorCode; message: string; fields?: Record<string, string> };

export function apiJson(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: PRIVATE });
}

export function jsonError(code: ErrorCode, message: string, fields?: Record<string, string>): Response {
  const body: ErrorBody = { error: code, message, ...(fields ? { fields } : {}) };
  return Response.json(body, { status: HTTP_STATUS[code], headers: PRIVATE });
}

/** Any thrown value as the response a client gets. */
export function errorResponse(e: unknown): Response {
  if (isDomainError(e)) {
    const r = jsonError(e.kind, e.message, e.fields);
    if (e.kind === 'rate_limited' && typeof e.details?.retryAfterSeconds === 'number')
      r.headers.set('retry-after', String(Math.ceil(e.details.retryAfterSeconds)));
    return r;
  }
  if (isConnectionError(e)) {
    console.error('database unavailable', e);
    const r = jsonError('unavailable', 'The database cannot be reached right now; try again in a minute.');
    r.headers.set('retry-after', '30');
    return r;
  }
  console.error(e);
  return jsonError('internal', 'Something went wrong on our side; try again.');
}

/** Request bodies: 1 MB of JSON by default; the importer documents its own, larger cap. */
export const JSON_BODY_LIMIT = 1_000_000;

/**
 * Read a body, counting bytes while they arrive: past `maxBytes` the stream is cancelled and the
 * caller gets 413, so an oversized body is never held whole in memory.
 */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new DomainError('too_large', 'body', `The body is over ${maxBytes.toLocaleString('en')} bytes.`);
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A JSON object body (capped while reading); anything else is a 400 naming what was wrong. */
export async function readJsonObject(req: Request, maxBytes = JSON_BODY_LIMIT): Promise<Record<string, unknown>> {
  const bytes = await readBodyCapped(req, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new DomainError('invalid', 'body', 'The body is not valid JSON (UTF-8).');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new DomainError('invalid', 'body', 'The body must be a JSON object.');
  return value as Record<string, unknown>;
}
