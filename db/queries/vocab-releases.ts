import { asc, eq, sql } from 'drizzle-orm';
import { LOCAL_VOCABULARY } from '../../lib/vocab/sources';
import type { VocabularySnapshot } from '../../lib/vocab/credits';
import type { DbOrTx } from '../client';
import { terms, vocabReleases } from '../schema';

/**
 * The vocabulary releases this database has loaded (vocab_releases) and the number of
 * local terms: what the About page shows, and what a release's datapackage.json
 * records as the versions it was built with (read inside the release's transaction).
 */
export async function getVocabularySnapshot(db: DbOrTx): Promise<VocabularySnapshot> {
  const loaded = await db
    .select({
      vocab: vocabReleases.vocab,
      version: vocabReleases.version,
      termCount: vocabReleases.termCount,
      obsoleteCount: vocabReleases.obsoleteCount,
      loadedAt: vocabReleases.loadedAt,
    })
    .from(vocabReleases)
    .orderBy(asc(vocabReleases.vocab));
  const [local] = await db
    .select({ n: sql<number>`count(*)::int`, obsolete: sql<number>`count(*) filter (where ${terms.obsolete})::int` })
    .from(terms)
    .where(eq(terms.vocab, LOCAL_VOCABULARY.id));
  return {
    loaded: loaded.map((l) => ({ ...l, termCount: Number(l.termCount), obsoleteCount: Number(l.obsoleteCount) })),
    local: { terms: Number(local?.n ?? 0), obsolete: Number(local?.obsolete ?? 0) },
  };
}
