/**
 * What the source page shows of a source's text: the snapshot asked for (or the newest), whether the viewer may
 * read it (lib/policy/read.ts canReadSnapshot — the one rule), the tagger's highlights, and the viewer's drafts.
 */
import 'server-only';
import { and, count, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { findings } from '@/db/schema';
import { listMyDraftsOnSource } from '@/db/queries/findings';
import { getSnapshot, listSnapshots, type SnapshotSummary, toReaderSnapshot } from '@/db/queries/snapshots';
import { cachedTaggerIndex } from '@/db/queries/tagger-index';
import { tagText, type TaggerIndex } from '@/lib/annotate';
import type { Mention } from '@/lib/annotate/types';
import { canReadSnapshot, type ReadContext } from '@/lib/policy/read';
import type { ReaderSnapshot } from '@/db/queries/snapshots';

export type SourceTextView = {
  snapshots: SnapshotSummary[];
  /** The snapshot shown, when there is one the viewer may read. */
  shown: { snapshot: ReaderSnapshot; mentions: Mention[]; visibilityNote: string } | null;
  /** Snapshots exist that only signed-in users may read. */
  hiddenFromViewer: boolean;
  drafts: { publicId: string; label: string }[];
};

export const VISIBILITY_NOTES = {
  open: 'Open-access text: shown to anyone who can see this source.',
  restricted: 'Pasted or uploaded text: shown to signed-in users only (copyright differs from open-access text).',
} as const;

/**
 * Tagging a 100-page paper takes about 0.4 s (scripts/bench/annotate.ts); a snapshot never changes, so its
 * mentions are kept per process for the few texts read most recently, until the tagger's index is rebuilt.
 */
const MENTIONS_KEPT = 16;
const mentionCache = new Map<string, { index: TaggerIndex; mentions: Mention[] }>();

async function mentionsOf(db: Db, snapshot: ReaderSnapshot, species: string | null): Promise<Mention[]> {
  const index = await cachedTaggerIndex(db);
  const key = `${snapshot.sha256}:${species ?? ''}`;
  const hit = mentionCache.get(key);
  mentionCache.delete(key);
  if (hit && hit.index === index) {
    mentionCache.set(key, hit);
    return hit.mentions;
  }
  const mentions = tagText(snapshot.text, index, { species });
  mentionCache.set(key, { index, mentions });
  if (mentionCache.size > MENTIONS_KEPT) mentionCache.delete(mentionCache.keys().next().value!);
  return mentions;
}

export async function sourceTextView(
  db: Db,
  ctx: ReadContext,
  sourceId: number,
  wanted: number | null,
  species: string | null,
): Promise<SourceTextView> {
  const all = await listSnapshots(db, sourceId);
  const readable = all.filter((s) => canReadSnapshot(ctx, s));
  const pick = readable.find((s) => s.id === wanted) ?? readable[0];
  const drafts = ctx.viewer
    ? (await listMyDraftsOnSource(db, sourceId, ctx.viewer.id)).map((d) => ({
        publicId: d.publicId,
        label: `${d.publicId} — ${d.organ || 'no organ yet'}: ${(d.result || '(no result yet)').slice(0, 80)}`,
      }))
    : [];
  if (!pick) return { snapshots: readable, shown: null, hiddenFromViewer: all.length > readable.length, drafts };
  const row = await getSnapshot(db, pick.id);
  const snapshot = toReaderSnapshot(row!);
  const mentions = await mentionsOf(db, snapshot, species);
  return {
    snapshots: readable,
    shown: { snapshot, mentions, visibilityNote: VISIBILITY_NOTES[pick.openAccess ? 'open' : 'restricted'] },
    hiddenFromViewer: all.length > readable.length,
    drafts,
  };
}

/** The species most of the source's findings study (its listed revisions): miRNAs in the text are grounded in it. */
export async function studySpeciesOf(db: Db, sourceId: number): Promise<string | null> {
  const [row] = await db
    .select({ species: findings.species })
    .from(findings)
    .where(and(eq(findings.sourceId, sourceId), ne(findings.species, '')))
    .groupBy(findings.species)
    .orderBy(desc(count()))
    .limit(1);
  return row?.species ?? null;
}
