'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { decideAction, withdrawAction } from '@/app/review/actions';
import type { Decision } from '@/lib/workflow';

type Props = {
  findingId: number;
  publicId: string;
  revisionNo: number;
  lockVersion: number;
  isAuthor: boolean;
  decidedByMe: boolean;
};

const LABELS: Record<Decision, string> = { approve: 'Approve', request_changes: 'Request changes', reject: 'Reject' };

/** Approve / request changes / reject (the last two need a comment), or withdraw one's own revision. */
export function DecisionForm({ findingId, publicId, revisionNo, lockVersion, isAuthor, decidedByMe }: Props) {
  const router = useRouter();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<{ message: string; onComment: boolean } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();

  if (isAuthor) {
    return (
      <div>
        <p>This is your revision: another reviewer must decide on it. You may withdraw it to keep editing.</p>
        <button
          type="button"
          className="btn"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await withdrawAction({ findingId, lockVersion });
              if (!r.ok) setError({ message: r.message, onComment: false });
              else router.push(`/findings/${publicId}/edit`);
            })
          }
        >
          Withdraw and edit
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        )}
      </div>
    );
  }
  // While a revision still awaits review, the only decision that leaves it there is a first approval.
  if (decidedByMe)
    return (
      <p className="alert alert-ok" role="status">
        You approved this revision; it needs another reviewer.
      </p>
    );

  const act = (decision: Decision) =>
    start(async () => {
      setError(null);
      const r = await decideAction({ findingId, revisionNo, lockVersion, decision, comment });
      if (!r.ok) {
        setError({ message: r.fields?.comment ?? r.message, onComment: Boolean(r.fields?.comment) });
        return;
      }
      setDone(
        r.data.status === 'approved'
          ? 'Approved — the finding is now public.'
          : r.data.status === 'submitted'
            ? 'Approval recorded; it needs another reviewer.'
            : `Decision recorded: ${r.data.status.replace('_', ' ')}.`,
      );
      router.refresh();
    });

  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label="Decision" className="stack" style={{ maxWidth: '40rem' }}>
      <div className="field">
        <label htmlFor="decision-comment">Comment</label>
        <p className="hint" id="decision-comment-hint">
          Required to request changes or reject; optional when approving.
        </p>
        <textarea
          id="decision-comment"
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={error?.onComment || undefined}
          aria-describedby={`decision-comment-hint${error?.onComment ? ' decision-comment-error' : ''}`}
        />
        {error?.onComment && (
          <p className="field-error" id="decision-comment-error" role="alert">
            {error.message}
          </p>
        )}
      </div>
      {error && !error.onComment && (
        <div className="alert" role="alert">
          {error.message}
        </div>
      )}
      {done && (
        <div className="alert alert-ok" role="status">
          {done}
        </div>
      )}
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        {(Object.keys(LABELS) as Decision[]).map((d) => (
          <button
            key={d}
            type="button"
            className={`btn ${d === 'approve' ? 'btn-primary' : d === 'reject' ? 'btn-danger' : ''}`}
            disabled={pending || Boolean(done)}
            onClick={() => act(d)}
          >
            {LABELS[d]}
          </button>
        ))}
      </div>
    </form>
  );
}
