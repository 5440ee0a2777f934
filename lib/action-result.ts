import type { z } from 'zod';
import { DomainError } from './errors';

/** What every server action and JSON handler answers: data, or an error a form can place. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> };

/** zod issues → one message per field path ("cargo.2.type"), for react-hook-form's setError. */
export function fieldErrors(error: z.ZodError): ActionResult<never> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'root';
    fields[key] ??= issue.message;
  }
  return { ok: false, error: 'invalid', message: 'Some fields need attention.', fields };
}

/** Domain errors become messages; anything else is logged and hidden behind a generic one. */
export function toActionError(e: unknown): ActionResult<never> {
  if (e instanceof DomainError) {
    const { fields, ...details } = e.details ?? {};
    return {
      ok: false,
      error: e.code,
      message: e.message,
      fields: fields ?? (e.field ? { [e.field]: e.message } : undefined),
      ...(Object.keys(details).length ? { details } : {}),
    };
  }
  console.error(e);
  return { ok: false, error: 'internal', message: 'The change could not be saved. Nothing was changed; try again.' };
}
