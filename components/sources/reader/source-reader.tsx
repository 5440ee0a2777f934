import type { Mention, MentionType } from '@/lib/annotate/types';
import { buildBlocks } from '@/lib/sourcetext/blocks';
import type { ReaderSnapshot } from '@/db/queries/snapshots';
import type { SnapshotOrigin } from '@/lib/sourcetext/types';
import { ReaderShell } from './reader-shell';
import { ReaderText, SectionNav } from './reader-text';
import styles from './reader.module.css';

export type { ReaderSnapshot };

export type ReaderDraft = { publicId: string; label: string };

export type SourceReaderProps = {
  snapshot: ReaderSnapshot;
  /** The tagger's mentions in snapshot.text (lib/annotate tagText); none means no highlights. */
  mentions?: readonly Mention[];
  /** The source's DOI, for "use as evidence for a new finding". */
  doi: string;
  canCurate: boolean;
  /** The viewer's own drafts, for "…or for my draft" and "add to" of a highlighted term. */
  drafts: readonly ReaderDraft[];
  /** Who may see this text and why, said to the reader. */
  visibilityNote: string;
};

export const ORIGIN_LABELS: Record<SnapshotOrigin, string> = {
  crossref_abstract: 'Abstract from Crossref',
  europepmc: 'Open-access full text from Europe PMC',
  paste: 'Pasted text',
  jats_upload: 'Uploaded JATS XML',
  pdf_upload: 'Text extracted from an uploaded PDF',
};

/**
 * The reader of a source's text (issue 12, item 2). Server component: the text, its sections and highlights
 * are plain HTML; ReaderShell (client) adds find-in-text, selection → evidence, the legend and term popovers.
 */
export function SourceReader({ snapshot, mentions = [], doi, canCurate, drafts, visibilityNote }: SourceReaderProps) {
  const blocks = buildBlocks(snapshot, mentions);
  const idPrefix = `reader-${snapshot.id}`;
  const counts: Partial<Record<MentionType, number>> = {};
  for (const s of blocks) {
    for (const p of s.paragraphs) {
      for (const r of p.runs) {
        // A mention cut by a match would count twice; buildBlocks is called without matches here.
        if (r.mention !== undefined) counts[mentions[r.mention]!.type] = (counts[mentions[r.mention]!.type] ?? 0) + 1;
      }
    }
  }
  const retrieved = snapshot.retrievedAt.slice(0, 10);
  return (
    <section
      className={styles.reader}
      aria-labelledby={`${idPrefix}-title`}
      data-testid="source-reader"
      data-snapshot={snapshot.id}
    >
      <header className={styles.header}>
        <h2 id={`${idPrefix}-title`}>Text of the paper</h2>
        <p data-testid="reader-origin">
          {ORIGIN_LABELS[snapshot.origin]}, retrieved <time dateTime={snapshot.retrievedAt}>{retrieved}</time> ·{' '}
          <span title={`SHA-256 ${snapshot.sha256}`}>
            SHA-256 <code>{snapshot.sha256.slice(0, 12)}</code>
          </span>
        </p>
        <p className="hint" data-testid="reader-visibility">
          {visibilityNote}
        </p>
      </header>
      {blocks.length === 0 ? (
        <p className="muted" data-testid="reader-empty">
          This snapshot holds no text.
        </p>
      ) : (
        <div className={styles.layout}>
          <SectionNav blocks={blocks} idPrefix={idPrefix} />
          <ReaderShell snapshotId={snapshot.id} doi={doi} canCurate={canCurate} drafts={drafts} counts={counts}>
            <ReaderText text={snapshot.text} blocks={blocks} mentions={mentions} idPrefix={idPrefix} />
          </ReaderShell>
        </div>
      )}
    </section>
  );
}
