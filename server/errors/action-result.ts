/** The one mapping of errors to a server action's result; the HTTP twin is ./http.ts. */
import 'server-only';
import { isConnectionError } from '@/db/errors';
import type { ActionResult } from '@/lib/action-result';
import { isDomainError } from '@/lib/errors';

export function toActionResult(e: unknown): ActionResult<never> {
  if (isDomainError(e)) {
    const { fields: _fields, ...details } = e.details ?? {};
    const fields = e.fields;
    return {
      ok: false,
      error: e.kind,
      entity: e.entity,
      message: e.message,
      ...(fields ? { fields } : {}),
      ...(Object.keys(details).length ? { details } : {}),
    };
  }
  if (isConnectionError(e)) {
    console.error('database unavailable', e);
    return {
      ok: false,
      error: 'unavailable',
      message: 'The database cannot be reached right now; nothing was changed. Try again in a minute.',
    };
  }
  console.error(e);
  return { ok: false, error: 'internal', message: 'The change could not be saved. Nothing was changed; try again.' };
}
