/**
 * A revision's evidence quote in its paragraph of the stored text ("show in text", issue 12 item 3), with what
 * the reviewer must know: verified against stored text or not, and where re-anchoring left it.
 */
import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { evidenceAnchorings } from '@/db/schema';
import { getSnapshot, getSnapshotBySha } from '@/db/queries/snapshots';
import { currentAnchoring } from '@/db/queries/reanchor';
import { anchorQuote } from '@/lib/anchor';
import type { AnchoredQuote } from '@/lib/anchor/schema';
import { canReadSnapshot, type ReadContext } from '@/lib/policy/read';
import { sectionAt } from '@/lib/sourcetext/section-at';

export type EvidenceCheckLabel = 'verified' | 'unverified' | 'pending' | 'none';

export type EvidenceInText = {
  check: EvidenceCheckLabel;
  /** The paragraph around the quote, when the viewer may read the text it sits in. */
  context: { before: string; quote: string; after: string; section: string | null; snapshotId: number } | null;
  /** Said beside the quote: re-anchoring state, or why the text is not shown. */
  note: string | null;
};

type RevisionEvidence = {
  id: number;
  evidenceQuote: string;
  evidenceAnchor: AnchoredQuote | null;
  evidenceUnverified: boolean;
  evidenceVerified: boolean | null;
  submittedAt: Date | null;
};

const CONTEXT_CHARS = 600;

/** The revision's anchoring in the newest snapshot that has one, whatever its status. */
async function newestAnchoring(db: Db, revisionId: number) {
  const [row] = await db
    .select()
    .from(evidenceAnchorings)
    .where(eq(evidenceAnchorings.revisionId, revisionId))
    .orderBy(desc(evidenceAnchorings.snapshotId))
    .limit(1);
  return row;
}

function checkOf(r: RevisionEvidence): EvidenceCheckLabel {
  if (!r.evidenceQuote.trim()) return 'none';
  if (r.evidenceVerified === true) return 'verified';
  if (r.evidenceVerified === false || r.evidenceUnverified) return 'unverified';
  return 'pending';
}

const NOTES = {
  proposed: 'A newer text of the source has a close but not exact match; a curator has to confirm the move.',
  ambiguous: 'The quote occurs several times in the newest text of the source; a curator has to say which.',
  orphan: 'The quote is not found in the newest text of the source (an orphan); shown in the text it was taken from.',
} as const;

export async function evidenceInText(
  db: Db,
  ctx: ReadContext,
  sourceId: number,
  r: RevisionEvidence,
): Promise<EvidenceInText> {
  const check = checkOf(r);
  if (!r.evidenceAnchor || check === 'none') return { check, context: null, note: null };
  const [current, newest] = r.submittedAt
    ? await Promise.all([currentAnchoring(db, r.id), newestAnchoring(db, r.id)])
    : [undefined, undefined];
  const snap = current
    ? await getSnapshot(db, current.snapshotId)
    : await getSnapshotBySha(db, sourceId, r.evidenceAnchor.snapshot.sha256);
  if (!snap) return { check, context: null, note: 'The stored text this quote was taken from is missing.' };
  const open = newest && newest.id !== current?.id && newest.status !== 'moved' && newest.decision === null;
  const note = open ? NOTES[newest.status as keyof typeof NOTES] : null;
  if (!canReadSnapshot(ctx, snap))
    return { check, context: null, note: 'The text this quote is anchored in is shown to signed-in users only.' };
  let span = current?.start != null && current.end != null ? { start: current.start, end: current.end } : null;
  if (!span) {
    const a = anchorQuote(snap.text, { quote: r.evidenceAnchor.quote, position: r.evidenceAnchor.position });
    span = a.status === 'exact' || a.status === 'approximate' ? { start: a.start, end: a.end } : null;
  }
  if (!span) return { check, context: null, note: note ?? 'The quote no longer anchors in its stored text.' };
  const from = Math.max(snap.text.lastIndexOf('\n\n', span.start) + 2, span.start - CONTEXT_CHARS, 0);
  const para = snap.text.indexOf('\n\n', span.end);
  const to = Math.min(para === -1 ? snap.text.length : para, span.end + CONTEXT_CHARS);
  return {
    check,
    note,
    context: {
      before: snap.text.slice(from, span.start),
      quote: snap.text.slice(span.start, span.end),
      after: snap.text.slice(span.end, to),
      section: sectionAt(snap.sections, span.start)?.title ?? null,
      snapshotId: snap.id,
    },
  };
}
