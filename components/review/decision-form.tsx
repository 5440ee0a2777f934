'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { decideAction, withdrawAction } from '@/app/review/actions';
import { ActionButton } from '@/components/ui/action-button';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/ui/use-action';
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

function doneText(status: string): string {
  if (status === 'approved') return 'Approved — the finding is now public.';
  if (status === 'submitted') return 'Approval recorded; it needs another reviewer.';
  return `Decision recorded: ${status.replace('_', ' ')}.`;
}

function WithdrawPanel({ findingId, publicId, lockVersion }: Pick<Props, 'findingId' | 'publicId' | 'lockVersion'>) {
  const router = useRouter();
  return (
    <div>
      <p>This is your revision: another reviewer must decide on it. You may withdraw it to keep editing.</p>
      <ActionButton
        action={() => withdrawAction({ findingId, lockVersion })}
        onSuccess={() => router.push(`/findings/${publicId}/edit`)}
        refresh={false}
      >
        Withdraw and edit
      </ActionButton>
    </div>
  );
}

function DecideForm({ findingId, revisionNo, lockVersion }: Pick<Props, 'findingId' | 'revisionNo' | 'lockVersion'>) {
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { run, pending, error } = useAction(decideAction, {
    onSuccess: (data) => setDone(doneText(data.status)),
  });
  const commentError = error?.fields?.comment;
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
          aria-invalid={commentError ? true : undefined}
          aria-describedby={`decision-comment-hint${commentError ? ' decision-comment-error' : ''}`}
        />
        {commentError && (
          <Alert inline id="decision-comment-error">
            {commentError}
          </Alert>
        )}
      </div>
      {error && !commentError && <Alert>{error.message}</Alert>}
      {done && <Alert tone="ok">{done}</Alert>}
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        {(Object.keys(LABELS) as Decision[]).map((d) => (
          <button
            key={d}
            type="button"
            className={`btn ${d === 'approve' ? 'btn-primary' : d === 'reject' ? 'btn-danger' : ''}`}
            disabled={pending || Boolean(done)}
            onClick={() => run({ findingId, revisionNo, lockVersion, decision: d, comment })}
          >
            {LABELS[d]}
          </button>
        ))}
      </div>
    </form>
  );
}

/** Approve / request changes / reject (the last two need a comment), or withdraw one's own revision. */
export function DecisionForm({ isAuthor, decidedByMe, ...ids }: Props) {
  if (isAuthor) return <WithdrawPanel {...ids} />;
  // While a revision still awaits review, the only decision that leaves it there is a first approval.
  if (decidedByMe)
    return (
      <Alert tone="ok" as="p">
        You approved this revision; it needs another reviewer.
      </Alert>
    );
  return <DecideForm {...ids} />;
}
