'use client';

import Link from 'next/link';
import type { FormEvent } from 'react';
import { resolveGroundingProposalAction } from '@/app/grounding/actions';
import { Alert } from '@/components/ui/alert';
import { errorFor, useAction } from '@/components/ui/use-action';
import type { ProposalView } from './proposal-view';

export type ProposalDone = { id: number; message: string };

/** One open proposal: its candidates as radio buttons, "none of these", and a button that saves the choice. */
export function ProposalChoice({ p, onDone }: { p: ProposalView; onDone: (done: ProposalDone) => void }) {
  const resolve = useAction(resolveGroundingProposalAction, {
    onSuccess: (r, input) => {
      const chosen = p.candidates.find((c) => c.curie === (input as { curie?: unknown }).curie);
      const message =
        r.status === 'dismissed' || !chosen
          ? `Closed the proposal for “${p.text}” (${r.publicId}); the text stays ungrounded.`
          : `${r.publicId}: “${p.text}” grounded to ${chosen.label} (${chosen.curie}) in a new revision, now awaiting review.`;
      onDone({ id: p.id, message });
    },
  });
  const name = `proposal-${p.id}`;
  const errorId = `${name}-error`;
  const error = errorFor(resolve.error, 'curie', 'proposalId');

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const choice = new FormData(e.currentTarget).get('curie');
    resolve.run({ proposalId: p.id, curie: typeof choice === 'string' ? choice : undefined });
  };

  return (
    <li className="card" data-testid="grounding-proposal" style={{ marginBottom: '1rem' }}>
      <form onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
        <fieldset>
          <legend>
            “{p.text}” in the {p.fieldLabel} of <Link href={`/findings/${p.publicId}`}>{p.publicId}</Link>
          </legend>
          <p className="muted">
            {p.reasonLabel}: {p.note}
          </p>
          {p.candidates.map((c) => (
            <label key={c.curie} style={{ display: 'block' }}>
              <input type="radio" name="curie" value={c.curie} required /> <code>{c.curie}</code> {c.label}
            </label>
          ))}
          <label style={{ display: 'block' }}>
            <input type="radio" name="curie" value="" required /> None of these (close the proposal; the text stays
            ungrounded)
          </label>
        </fieldset>
        {error && (
          <Alert inline id={errorId}>
            {error}
          </Alert>
        )}
        <button type="submit" className="btn btn-primary" disabled={resolve.pending}>
          {resolve.pending ? 'Saving…' : 'Save choice'}
        </button>
      </form>
    </li>
  );
}
