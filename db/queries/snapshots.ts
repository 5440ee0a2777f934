/**
 * A source's text snapshots (issue 12, item 1): stored once, immutable, named by SHA-256. Adding a newer one
 * re-anchors the source's evidence quotes into it in the same transaction (db/queries/reanchor.ts).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { sha256Hex } from '../../lib/sourcetext/hash';
import { type ExtractedText, OPEN_ACCESS_ORIGINS, type SnapshotOrigin } from '../../lib/sourcetext/types';
import { DomainError } from '../../lib/errors';
import type { Db, DbOrTx } from '../client';
import { toDomainError } from '../errors';
import { type SourceSnapshot, sourceSnapshots, sources } from '../schema';
import { recordAudit } from './audit';
import { reanchorSource, type ReanchorCounts } from './reanchor';

/** A snapshot without its text: what lists need. */
export type SnapshotSummary = Pick<
  SourceSnapshot,
  'id' | 'sourceId' | 'origin' | 'openAccess' | 'retrievedAt' | 'sha256' | 'detail'
> & { chars: number };

/** What the reader receives (lib/sourcetext/types.ts sections; dates as ISO strings for client components). */
export type ReaderSnapshot = {
  id: number;
  sha256: string;
  origin: SnapshotOrigin;
  openAccess: boolean;
  retrievedAt: string;
  text: string;
  sections: ExtractedText['sections'];
};

export type AddSnapshotResult = { snapshot: SnapshotSummary; created: boolean; reanchored: ReanchorCounts };

const summaryColumns = {
  id: sourceSnapshots.id,
  sourceId: sourceSnapshots.sourceId,
  origin: sourceSnapshots.origin,
  openAccess: sourceSnapshots.openAccess,
  retrievedAt: sourceSnapshots.retrievedAt,
  sha256: sourceSnapshots.sha256,
  detail: sourceSnapshots.detail,
  chars: sql<number>`length(${sourceSnapshots.text})`.mapWith(Number),
};

/**
 * Stores `extracted` as a snapshot of the source, unless the same text is already stored (then that one is
 * returned, `created: false`). A new snapshot re-anchors every evidence quote of the source's findings.
 */
export async function addSnapshot(
  db: Db,
  actorId: number | null,
  input: {
    sourceId: number;
    origin: SnapshotOrigin;
    extracted: ExtractedText;
    detail?: Record<string, string | number>;
  },
): Promise<AddSnapshotResult> {
  const sha256 = sha256Hex(input.extracted.text);
  try {
    return await db.transaction(async (tx) => {
      // Serializes snapshot additions per source, so re-anchoring always sees the latest text.
      const [source] = await tx
        .select({ id: sources.id })
        .from(sources)
        .where(eq(sources.id, input.sourceId))
        .for('update');
      if (!source) throw new DomainError('not_found', 'source', 'No such source.');
      const [existing] = await tx
        .select(summaryColumns)
        .from(sourceSnapshots)
        .where(and(eq(sourceSnapshots.sourceId, input.sourceId), eq(sourceSnapshots.sha256, sha256)));
      if (existing) return { snapshot: existing, created: false, reanchored: EMPTY_COUNTS };
      const [row] = await tx
        .insert(sourceSnapshots)
        .values({
          sourceId: input.sourceId,
          origin: input.origin,
          openAccess: OPEN_ACCESS_ORIGINS.includes(input.origin),
          sha256,
          text: input.extracted.text,
          sections: input.extracted.sections,
          detail: input.detail ?? {},
          createdBy: actorId,
        })
        .returning(summaryColumns);
      await recordAudit(tx, {
        actorId,
        action: 'source.snapshot',
        entity: 'source',
        entityId: input.sourceId,
        detail: { snapshotId: row!.id, origin: input.origin, sha256, chars: row!.chars },
      });
      const reanchored = await reanchorSource(tx, actorId, input.sourceId, {
        id: row!.id,
        sha256,
        text: input.extracted.text,
      });
      return { snapshot: row!, created: true, reanchored };
    });
  } catch (e) {
    if (e instanceof DomainError) throw e;
    return toDomainError(e, 'source');
  }
}

const EMPTY_COUNTS: ReanchorCounts = { moved: 0, proposed: 0, ambiguous: 0, orphan: 0 };

/** The source's snapshots, newest first, without their text. */
export async function listSnapshots(db: DbOrTx, sourceId: number): Promise<SnapshotSummary[]> {
  return db
    .select(summaryColumns)
    .from(sourceSnapshots)
    .where(eq(sourceSnapshots.sourceId, sourceId))
    .orderBy(desc(sourceSnapshots.id));
}

/** One snapshot with its text, or undefined. */
export async function getSnapshot(db: DbOrTx, id: number): Promise<SourceSnapshot | undefined> {
  const [s] = await db.select().from(sourceSnapshots).where(eq(sourceSnapshots.id, id));
  return s;
}

/** The snapshot of `sourceId` with this SHA-256, or undefined. */
export async function getSnapshotBySha(db: DbOrTx, sourceId: number, sha256: string) {
  const [s] = await db
    .select()
    .from(sourceSnapshots)
    .where(and(eq(sourceSnapshots.sourceId, sourceId), eq(sourceSnapshots.sha256, sha256)));
  return s;
}

export function toReaderSnapshot(s: SourceSnapshot): ReaderSnapshot {
  return {
    id: s.id,
    sha256: s.sha256,
    origin: s.origin,
    openAccess: s.openAccess,
    retrievedAt: s.retrievedAt.toISOString(),
    text: s.text,
    sections: s.sections,
  };
}
