/**
 * The curators' page of quotes to re-anchor (app/evidence/anchors): the open items of listOpenAnchorings with
 * the snapshot each one is about — its origin, date and hash, and its text where a proposed place is to be shown.
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { sourceSnapshots } from '../schema';
import { listOpenAnchorings } from './reanchor';

export type OpenAnchoring = Awaited<ReturnType<typeof listOpenAnchorings>>[number];

export type QueueSnapshot = {
  id: number;
  origin: (typeof sourceSnapshots.$inferSelect)['origin'];
  retrievedAt: Date;
  sha256: string;
  /** Only for snapshots with a proposed place to show; offsets are UTF-16, as stored. */
  text: string | null;
};

export type AnchorQueue = { items: OpenAnchoring[]; snapshots: Map<number, QueueSnapshot> };

/** The open items the viewer may see, with their snapshots. */
export async function listAnchorQueue(db: DbOrTx, viewerId: number, limit = 200): Promise<AnchorQueue> {
  const items = await listOpenAnchorings(db, viewerId, limit);
  const ids = [...new Set(items.map((i) => i.snapshotId))];
  if (!ids.length) return { items, snapshots: new Map() };
  const withText = [...new Set(items.filter((i) => i.status === 'proposed').map((i) => i.snapshotId))];
  const [meta, texts] = await Promise.all([
    db
      .select({
        id: sourceSnapshots.id,
        origin: sourceSnapshots.origin,
        retrievedAt: sourceSnapshots.retrievedAt,
        sha256: sourceSnapshots.sha256,
      })
      .from(sourceSnapshots)
      .where(inArray(sourceSnapshots.id, ids)),
    withText.length
      ? db
          .select({ id: sourceSnapshots.id, text: sourceSnapshots.text })
          .from(sourceSnapshots)
          .where(inArray(sourceSnapshots.id, withText))
      : Promise.resolve([]),
  ]);
  const text = new Map(texts.map((t) => [t.id, t.text]));
  return { items, snapshots: new Map(meta.map((m) => [m.id, { ...m, text: text.get(m.id) ?? null }])) };
}
