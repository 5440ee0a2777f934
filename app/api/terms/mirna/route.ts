import { getDb } from '@/db';
import { cachedMirnaIndex } from '@/db/queries/mirna-index';
import { parseMirnaQuery } from '@/lib/vocab/mirna-query';
import { resolveMirna } from '@/lib/vocab/mirna-resolve';
import { readRoute } from '@/server/adapters/route';
import { apiJson } from '@/server/errors/http';
import { invalidQuery } from '@/server/errors/query';

export const dynamic = 'force-dynamic';

/**
 * GET ?name=miR-206&species=NCBITaxon:10090 → {data: MirnaResolution}: the mature miRNA(s) of that
 * species a paper's name stands for — one (mature), the arms when the paper names none (no_arm),
 * candidates (ambiguous), or none, with a note saying why. Never a term of another species.
 */
export const GET = readRoute(async ({ req }) => {
  const parsed = parseMirnaQuery(new URL(req.url).searchParams);
  if (!parsed.ok) throw invalidQuery(parsed.errors);
  const index = await cachedMirnaIndex(await getDb());
  return apiJson({ data: resolveMirna(index, parsed.query.name, parsed.query.species) });
});
