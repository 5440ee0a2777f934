import Link from 'next/link';
import type { EvidenceInText } from '@/server/evidence-view';
import { sourcePath } from '@/lib/sources/paths';

const LABELS = {
  verified: { text: 'Verified against stored text', className: 'status status-approved' },
  unverified: { text: 'Not verified against stored text', className: 'status status-rejected' },
  pending: { text: 'Checked against stored text at submission', className: 'status status-draft' },
} as const;

/** The verification label of a quote and, when the text may be shown, the quote highlighted in its paragraph. */
export function EvidenceInTextView({ view, doi }: { view: EvidenceInText; doi: string }) {
  if (view.check === 'none') return null;
  const label = LABELS[view.check];
  return (
    <div data-testid="evidence-check">
      <p>
        <span className={label.className} data-testid="evidence-check-label">
          {label.text}
        </span>
        {view.note && <span className="muted"> {view.note}</span>}
      </p>
      {view.context && (
        <details data-testid="evidence-in-text" open>
          <summary>Show in text{view.context.section ? ` (${view.context.section})` : ''}</summary>
          <p style={{ whiteSpace: 'pre-line' }}>
            {view.context.before}
            <mark data-testid="evidence-highlight">{view.context.quote}</mark>
            {view.context.after}
          </p>
          <p>
            <Link href={`${sourcePath(doi)}?text=${view.context.snapshotId}`}>Read the whole text</Link>
          </p>
        </details>
      )}
    </div>
  );
}
