/** A public id from a URL segment, or null (EVX-000042). */
export function parsePublicId(raw: string): string | null {
  return /^EVX-\d{6,9}$/.test(raw) ? raw : null;
}
