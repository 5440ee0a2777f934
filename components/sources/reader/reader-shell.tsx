'use client';

import { type ReactNode, useRef, useState } from 'react';
import type { MentionType } from '@/lib/annotate/types';
import { EvidencePanel, SelectionToolbar } from './evidence-actions';
import { FindBox } from './find-box';
import { Legend } from './legend';
import type { ReaderDraft } from './source-reader';
import { TermPopover } from './term-popover';
import { useFind, useSlashToFind } from './use-find';
import { useHighlights } from './use-highlights';
import { useSelectionSpan } from './use-selection-span';
import styles from './reader.module.css';

/**
 * The reader's interactive layer around the server-rendered text (children): find-in-text, the legend,
 * keyboard moves between highlights, term popovers, and the selection → evidence links.
 */
export function ReaderShell({
  snapshotId,
  doi,
  canCurate,
  drafts,
  counts,
  children,
}: {
  snapshotId: number;
  doi: string;
  canCurate: boolean;
  drafts: readonly ReaderDraft[];
  counts: Partial<Record<MentionType, number>>;
  children: ReactNode;
}) {
  const shellRef = useRef<HTMLDivElement>(null);
  const regionRef = useRef<HTMLDivElement>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const find = useFind(regionRef);
  const selection = useSelectionSpan(regionRef, shellRef);
  const [hidden, setHidden] = useState<ReadonlySet<MentionType>>(new Set());
  const [draftId, setDraftId] = useState('');
  const draft = drafts.find((d) => d.publicId === draftId) ?? null;
  const highlights = useHighlights(regionRef, shellRef, hidden);
  useSlashToFind(findRef);
  const toggle = (type: MentionType, show: boolean) =>
    setHidden((h) => {
      const next = new Set(h);
      if (show) next.delete(type);
      else next.add(type);
      return next;
    });

  return (
    <div ref={shellRef} className={styles.shell}>
      <div className={styles.controls}>
        <FindBox find={find} inputRef={findRef} />
        <Legend counts={counts} hidden={hidden} onToggle={toggle} />
      </div>
      {/* The handlers serve the highlights inside; the region itself is a focusable, scrollable text. */}
      <div
        ref={regionRef}
        role="region"
        aria-label="Text of the paper"
        tabIndex={0}
        className={styles.text}
        data-hide={[...hidden].join(' ')}
        data-testid="reader-text"
        onClick={highlights.onClick}
        onKeyDown={highlights.onKeyDown}
      >
        {children}
      </div>
      {highlights.open && (
        <TermPopover
          {...highlights.open}
          canCurate={canCurate}
          draft={draft}
          hasDrafts={drafts.length > 0}
          onClose={highlights.close}
        />
      )}
      {canCurate && selection.span && selection.at && (
        <SelectionToolbar at={selection.at} snapshotId={snapshotId} doi={doi} span={selection.span} draft={draft} />
      )}
      {canCurate && (
        <EvidencePanel
          snapshotId={snapshotId}
          doi={doi}
          span={selection.span}
          problem={selection.problem}
          drafts={drafts}
          draft={draft}
          onDraft={setDraftId}
        />
      )}
    </div>
  );
}
