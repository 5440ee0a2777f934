import { eq } from 'drizzle-orm';
import { buildTaggerIndex, type TaggerIndex } from '../../lib/annotate';
import type { DbOrTx } from '../client';
import { terms } from '../schema';

/** The pre-annotation tagger's index (lib/annotate) over every current term of the loaded vocabularies. */
export async function loadTaggerIndex(db: DbOrTx): Promise<TaggerIndex> {
  const rows = await db
    .select({
      curie: terms.curie,
      kind: terms.kind,
      label: terms.label,
      synonyms: terms.synonyms,
      species: terms.species,
      extra: terms.extra,
    })
    .from(terms)
    .where(eq(terms.obsolete, false));
  return buildTaggerIndex(rows);
}

let cached: { at: number; index: Promise<TaggerIndex> } | null = null;
const TTL_MS = 10 * 60_000;

/** loadTaggerIndex, kept for ten minutes per process (vocabularies change only when an admin migrates). */
export function cachedTaggerIndex(db: DbOrTx, now = performance.now()): Promise<TaggerIndex> {
  if (!cached || now - cached.at > TTL_MS) {
    const index = loadTaggerIndex(db);
    cached = { at: now, index };
    index.catch(() => {
      cached = null;
    });
  }
  return cached.index;
}
