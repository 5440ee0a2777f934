import type { ActionResult } from './action-result';
import { HTTP_STATUS, type ErrorKind } from './errors';

/** A JSON error body with a stable code. */
export function jsonError(status: number, error: string, message: string, fields?: Record<string, string>): Response {
  return Response.json({ error, message, ...(fields ? { fields } : {}) }, { status });
}

/** Read a JSON body without throwing on garbage. */
export async function readJson(
  req: Request,
  maxBytes = 1_000_000,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const text = await req.text();
  if (text.length > maxBytes)
    return { ok: false, response: jsonError(413, 'too_large', `The body is over ${maxBytes} bytes.`) };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, 'invalid_json', 'The body is not valid JSON.') };
  }
}

/** An action result as an HTTP response. */
export function resultResponse<T>(r: ActionResult<T>, okStatus = 200): Response {
  if (r.ok) return Response.json(r.data ?? { ok: true }, { status: okStatus });
  const kind = r.error.split(':')[0] as ErrorKind | 'internal';
  const status = kind === 'internal' ? 500 : (HTTP_STATUS[kind as ErrorKind] ?? 400);
  return jsonError(status, r.error, r.message, r.fields);
}
