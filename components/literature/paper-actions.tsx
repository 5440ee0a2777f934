'use client';

import type { FormEvent } from 'react';
import { assignPaperAction, claimPaperAction, setCurationStatusAction } from '@/app/literature/papers/actions';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/ui/use-action';
import { CURATION_STATUS_LABELS, CURATION_STATUSES } from '@/lib/literature/assignment-schema';

export type Person = { id: number; name: string; email: string };

function value(e: FormEvent<HTMLFormElement>, name: string) {
  e.preventDefault();
  return new FormData(e.currentTarget).get(name);
}

/** Assign a paper to someone (reviewers and admins). */
export function AssignPaper({
  candidateId,
  people,
  current,
}: {
  candidateId: number;
  people: Person[];
  current: number | null;
}) {
  const assign = useAction(assignPaperAction);
  return (
    <form onSubmit={(e) => assign.run({ candidateId, userId: value(e, 'userId') })} className="inline-form">
      <label htmlFor={`assign-${candidateId}`}>Assign to</label>{' '}
      <select id={`assign-${candidateId}`} name="userId" defaultValue={current ?? ''}>
        <option value="">Nobody</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.email})
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="btn" disabled={assign.pending}>
        {assign.pending ? 'Assigning…' : 'Assign'}
      </button>
      {assign.error && <Alert inline as="span">{` ${assign.error.message}`}</Alert>}
    </form>
  );
}

/** Take a paper nobody has yet. */
export function ClaimPaper({ candidateId }: { candidateId: number }) {
  const claim = useAction(claimPaperAction);
  return (
    <>
      <button type="button" className="btn" disabled={claim.pending} onClick={() => claim.run({ candidateId })}>
        {claim.pending ? 'Claiming…' : 'Claim'}
      </button>
      {claim.error && <Alert inline as="span">{` ${claim.error.message}`}</Alert>}
    </>
  );
}

/** Where the paper's curation stands (the assignee, reviewers and admins). */
export function PaperStatus({ candidateId, status }: { candidateId: number; status: string }) {
  const save = useAction(setCurationStatusAction);
  return (
    <form onSubmit={(e) => save.run({ candidateId, status: value(e, 'status') })} className="inline-form">
      <label htmlFor={`status-${candidateId}`}>Status</label>{' '}
      <select id={`status-${candidateId}`} name="status" defaultValue={status}>
        {CURATION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {CURATION_STATUS_LABELS[s]}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="btn" disabled={save.pending}>
        {save.pending ? 'Saving…' : 'Set status'}
      </button>
      {save.error && <Alert inline as="span">{` ${save.error.message}`}</Alert>}
    </form>
  );
}
