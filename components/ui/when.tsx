/** A moment as UTC date and minute (2026-03-01 14:05), machine-readable in dateTime. */
export function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{at.toISOString().replace('T', ' ').slice(0, 16)}</time>;
}
