import { and, eq } from 'drizzle-orm';
import { type MirnaIndex, mirnaIndexFromTermRows } from '../../lib/vocab/mirna-resolve';
import type { DbOrTx } from '../client';
import { terms } from '../schema';

/** The current mature miRNAs (11k rows), indexed for resolveMirna. */
export async function loadMirnaIndex(db: DbOrTx): Promise<MirnaIndex> {
  const rows = await db
    .select({ curie: terms.curie, label: terms.label, species: terms.species, extra: terms.extra, kind: terms.kind })
    .from(terms)
    .where(and(eq(terms.kind, 'mirna'), eq(terms.obsolete, false)));
  return mirnaIndexFromTermRows(rows.map((r) => ({ ...r, kind: 'mirna' as const })));
}

let cached: { at: number; index: Promise<MirnaIndex> } | null = null;
const TTL_MS = 10 * 60_000;

/** loadMirnaIndex, kept for ten minutes per process: vocabularies change only when an admin migrates. */
export function cachedMirnaIndex(db: DbOrTx, now = performance.now()): Promise<MirnaIndex> {
  if (!cached || now - cached.at > TTL_MS) {
    const index = loadMirnaIndex(db);
    cached = { at: now, index };
    index.catch(() => {
      cached = null;
    });
  }
  return cached.index;
}
