/** What the page of quotes to re-anchor shows of an open item (serializable, for the client table). */
import type { AnchorQueue, OpenAnchoring, QueueSnapshot } from '@/db/queries/anchor-queue';
import { sourcePath } from '@/lib/sources/paths';
import type { SnapshotOrigin } from '@/lib/sourcetext/types';

export type AnchorItemView = {
  id: number;
  status: OpenAnchoring['status'];
  publicId: string;
  findingHref: string;
  doi: string;
  sourceHref: string;
  /** The quote as the revision stores it. */
  quote: string;
  /** The newest text of the source, the one the item is about. */
  snapshotLabel: string;
  /** A proposed move: the passage found, with some context, and how similar it is to the quote. */
  proposal: { before: string; match: string; after: string; similarity: string } | null;
};

/** Characters of context either side of a proposed passage. */
export const CONTEXT_CHARS = 60;

const ORIGIN_NAMES: Record<SnapshotOrigin, string> = {
  crossref_abstract: 'Crossref abstract',
  europepmc: 'Europe PMC full text',
  paste: 'Pasted text',
  jats_upload: 'Uploaded JATS XML',
  pdf_upload: 'Uploaded PDF',
};

export function snapshotLabel(s: Pick<QueueSnapshot, 'origin' | 'retrievedAt' | 'sha256'>): string {
  return `${ORIGIN_NAMES[s.origin]} of ${s.retrievedAt.toISOString().slice(0, 10)} (SHA-256 ${s.sha256.slice(0, 12)}…)`;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The passage [start, end) of `text` with up to CONTEXT_CHARS either side, never splitting a surrogate pair. */
export function passage(text: string, start: number, end: number) {
  let from = Math.max(0, start - CONTEXT_CHARS);
  if (from > 0 && isLow(text.charCodeAt(from))) from -= 1;
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (to < text.length && isLow(text.charCodeAt(to))) to += 1;
  return {
    before: (from > 0 ? '…' : '') + flat(text.slice(from, start)),
    match: flat(text.slice(start, end)),
    after: flat(text.slice(end, to)) + (to < text.length ? '…' : ''),
  };
}

function proposalOf(item: OpenAnchoring, snap: QueueSnapshot | undefined): AnchorItemView['proposal'] {
  if (item.status !== 'proposed' || item.start === null || item.end === null || !snap?.text) return null;
  // Floor: a near-match must not read as 100%.
  const similarity = `${Math.floor((item.score ?? 0) * 100)}%`;
  return { ...passage(snap.text, item.start, item.end), similarity };
}

export function toAnchorViews(queue: AnchorQueue): AnchorItemView[] {
  return queue.items.map((item) => {
    const snap = queue.snapshots.get(item.snapshotId);
    return {
      id: item.id,
      status: item.status,
      publicId: item.publicId,
      findingHref: `/findings/${item.publicId}`,
      doi: item.doi,
      sourceHref: sourcePath(item.doi),
      quote: item.quote,
      snapshotLabel: snap ? snapshotLabel(snap) : `Text ${item.snapshotId}`,
      proposal: proposalOf(item, snap),
    };
  });
}
