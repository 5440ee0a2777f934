'use client';

import Link from 'next/link';
import { draftEvidencePath, newEvidencePath } from '@/lib/sourcetext/reader-links';
import type { ReaderDraft } from './source-reader';
import type { SelectionSpan } from './reader-dom';
import styles from './reader.module.css';

type Props = { snapshotId: number; doi: string; span: SelectionSpan; draft: ReaderDraft | null };

/** Floats under a live selection in the text: the same links as the panel after it, for the mouse. */
export function SelectionToolbar({ at, ...p }: Props & { at: { top: number; left: number } }) {
  const where = { snapshotId: p.snapshotId, start: p.span.start, end: p.span.end };
  return (
    <div role="group" aria-label="Use the selected text" className={styles.toolbar} style={at}>
      <Link className="btn btn-primary" href={newEvidencePath(p.doi, where)}>
        Use as evidence for a new finding
      </Link>
      {p.draft && (
        <Link className="btn" href={draftEvidencePath(p.draft.publicId, where)}>
          …for draft {p.draft.publicId}
        </Link>
      )}
    </div>
  );
}

function preview(quote: string): string {
  return quote.length > 240 ? `${quote.slice(0, 120)} … ${quote.slice(-100)}` : quote;
}

/** After the text, reachable by keyboard: the selection, "use as evidence", and the draft to use it for. */
export function EvidencePanel({
  snapshotId,
  doi,
  span,
  problem,
  drafts,
  draft,
  onDraft,
}: Omit<Props, 'span'> & {
  span: SelectionSpan | null;
  problem: string | null;
  drafts: readonly ReaderDraft[];
  onDraft: (publicId: string) => void;
}) {
  const where = span && { snapshotId, start: span.start, end: span.end };
  return (
    <section className={styles.panel} data-testid="reader-evidence" aria-labelledby={`reader-evidence-${snapshotId}`}>
      <h3 id={`reader-evidence-${snapshotId}`}>Use as evidence</h3>
      <p role="status" className={problem ? 'field-error' : 'hint'} data-testid="reader-selection">
        {problem ??
          (span ? (
            <>
              Selected (characters {span.start}–{span.end}): “{preview(span.quote)}”
            </>
          ) : (
            'Select a sentence in the text to use it as evidence.'
          ))}
      </p>
      {where && (
        <p>
          <Link className="btn btn-primary" href={newEvidencePath(doi, where)} data-testid="use-as-evidence">
            Use as evidence for a new finding
          </Link>
        </p>
      )}
      {drafts.length > 0 && (
        <div className={styles.draftRow}>
          <div className="field">
            <label htmlFor={`reader-draft-${snapshotId}`}>…or for my draft</label>
            <select
              id={`reader-draft-${snapshotId}`}
              value={draft?.publicId ?? ''}
              onChange={(e) => onDraft(e.target.value)}
            >
              <option value="">Choose a draft</option>
              {drafts.map((d) => (
                <option key={d.publicId} value={d.publicId}>
                  {d.publicId} · {d.label}
                </option>
              ))}
            </select>
          </div>
          {where && draft && (
            <Link className="btn" href={draftEvidencePath(draft.publicId, where)} data-testid="use-for-draft">
              Use as evidence for {draft.publicId}
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
