'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { decideAnchoringAction } from '@/app/evidence/anchors/actions';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/ui/use-action';
import type { AnchoringDecision } from '@/lib/evidence/decision';
import type { AnchorItemView } from './anchor-view';

const DONE: Record<AnchoringDecision, (publicId: string) => string> = {
  accepted: (id) => `${id}: accepted. The quote now follows the proposed passage in the source’s newest text.`,
  rejected: (id) => `${id}: rejected. The quote keeps its place in the text it was selected from.`,
};

/**
 * The proposed moves, each with Accept and Reject. A decided proposal leaves the list, so what happened is said in
 * a status message above it, which takes the focus (keyboard users keep their place). The message stays when the
 * list empties, so this component is rendered even without proposals.
 */
export function ProposalTable({ items }: { items: AnchorItemView[] }) {
  const [done, setDone] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) status.current?.focus();
  }, [done]);
  return (
    <>
      <div ref={status} tabIndex={-1} data-testid="anchors-status">
        {done && <Alert tone="ok">{done}</Alert>}
      </div>
      {items.length > 0 && (
        <section aria-labelledby="anchors-proposed-title">
          <h2 id="anchors-proposed-title">Proposed moves</h2>
          <div className="table-wrap">
            <table className="data-table" data-testid="anchors-proposed">
              <caption>
                Quotes not found as they stand in their source’s newest text, with the similar passage found there
                (highlighted, in context). Accept to let the quote follow it; reject to keep the quote where it was
                selected.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Finding</th>
                  <th scope="col">Quote as stored</th>
                  <th scope="col">Proposed passage</th>
                  <th scope="col">Similarity</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <ProposalRow key={p.id} p={p} onDone={setDone} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

function ProposalRow({ p, onDone }: { p: AnchorItemView; onDone: (message: string) => void }) {
  const [chosen, setChosen] = useState<AnchoringDecision | null>(null);
  const act = useAction(decideAnchoringAction, {
    onSuccess: (_r, input) => onDone(DONE[(input as { decision: AnchoringDecision }).decision](p.publicId)),
  });
  const errorId = `anchoring-${p.id}-error`;
  const run = (decision: AnchoringDecision) => {
    setChosen(decision);
    act.run({ anchoringId: p.id, decision });
  };
  const button = (decision: AnchoringDecision, label: string, busy: string) => (
    <button
      type="button"
      className={decision === 'accepted' ? 'btn btn-primary' : 'btn'}
      disabled={act.pending}
      aria-describedby={act.error ? errorId : undefined}
      onClick={() => run(decision)}
    >
      {act.pending && chosen === decision ? busy : label}
      <span className="visually-hidden"> the proposed passage for {p.publicId}</span>
    </button>
  );
  return (
    <tr data-testid="anchor-proposal">
      <th scope="row">
        <Link href={p.findingHref}>{p.publicId}</Link>
        <br />
        <Link href={p.sourceHref} className="muted">
          {p.doi}
        </Link>
      </th>
      <td>
        <blockquote style={{ margin: 0 }}>{p.quote}</blockquote>
      </td>
      <td>
        <span className="muted">{p.proposal?.before}</span>
        <mark>{p.proposal?.match}</mark>
        <span className="muted">{p.proposal?.after}</span>
        <br />
        <small className="muted">In the {p.snapshotLabel}</small>
      </td>
      <td>{p.proposal?.similarity}</td>
      <td>
        <div role="group" aria-label={`Decision on ${p.publicId}`} style={{ display: 'flex', gap: '0.5rem' }}>
          {button('accepted', 'Accept', 'Accepting…')}
          {button('rejected', 'Reject', 'Rejecting…')}
        </div>
        {act.error && (
          <Alert inline id={errorId}>
            {act.error.message}
          </Alert>
        )}
      </td>
    </tr>
  );
}
