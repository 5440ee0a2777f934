import { z } from 'zod';
import { EXPORT_FORMATS, type ExportFormat } from './encode';

/** The export's own parameters; the rest of the query string is the browse filters. */
export const EXPORT_OPTION_KEYS = ['format', 'bom'] as const;
/** Browse parameters that shape a page, not the set of rows: an export ignores them. */
export const EXPORT_IGNORED_KEYS = ['sort', 'dir', 'limit', 'cursor'] as const;

const optionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'Format is csv, json or ndjson.' }).default('csv'),
  bom: z
    .enum(['0', '1', 'true', 'false'], { error: 'bom is 1 or 0.' })
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
});

export type ExportOptions = { format: ExportFormat; bom: boolean };

export function parseExportOptions(
  params: URLSearchParams,
): { ok: true; options: ExportOptions } | { ok: false; errors: Record<string, string> } {
  const record: Record<string, string> = {};
  for (const k of EXPORT_OPTION_KEYS) {
    const v = params.get(k);
    if (v !== null && v !== '') record[k] = v;
  }
  const r = optionsSchema.safeParse(record);
  if (r.success) return { ok: true, options: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) errors[String(issue.path[0] ?? 'query')] ??= issue.message;
  return { ok: false, errors };
}

/** The browse filters of an export URL: the export's own and the paging parameters taken out. */
export function exportFilterParams(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const k of [...EXPORT_OPTION_KEYS, ...EXPORT_IGNORED_KEYS]) out.delete(k);
  return out;
}
