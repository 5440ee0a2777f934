/** A finding's public id: `EVX-` and at least six digits (EVX-000042, EVX-1000000). */
export const PUBLIC_ID_PATTERN = /^EVX-\d{6,12}$/;

/** A public id from a URL segment or a user, or null. The only parser of public ids. */
export function parsePublicId(raw: unknown): string | null {
  return typeof raw === 'string' && PUBLIC_ID_PATTERN.test(raw) ? raw : null;
}
