import '../validation/zod-config';
import { z } from 'zod';
import { curieSchema } from './fields';

const CONTROL = /[\u0000-\u001F\u007F]/;

/** `GET /api/terms/mirna?name=&species=`: how a cargo item's miRNA name resolves in the study's species. */
export const mirnaQuerySchema = z.object({
  name: z
    .string({ error: 'Give the miRNA name.' })
    .trim()
    .min(1, { error: 'Give the miRNA name.' })
    .max(200, { error: 'At most 200 characters.' })
    .refine((s) => !CONTROL.test(s), { error: 'Contains a control character.' }),
  species: curieSchema,
});

export function parseMirnaQuery(
  params: URLSearchParams,
): { ok: true; query: z.output<typeof mirnaQuerySchema> } | { ok: false; errors: Record<string, string> } {
  const r = mirnaQuerySchema.safeParse({
    name: params.get('name') ?? undefined,
    species: params.get('species') ?? undefined,
  });
  if (r.success) return { ok: true, query: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) errors[String(issue.path[0] ?? 'query')] ??= issue.message;
  return { ok: false, errors };
}
