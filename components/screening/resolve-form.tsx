'use client';

import { type FormEvent, useState } from 'react';
import { resolveScreeningAction } from '@/app/literature/conflicts/actions';
import { Alert } from '@/components/ui/alert';
import { errorFor, useAction } from '@/components/ui/use-action';
import type { ReasonOption } from './decision-form';
import { useStatus } from './status-region';

const OUTCOME_TEXT: Record<string, string> = {
  included: 'included; it becomes a source to curate when it has a DOI',
  excluded: 'excluded',
  maybe: 'still maybe',
};

/** The third screener's decision on a record in conflict (or an agreed maybe): include, exclude or maybe. */
export function ResolveForm({
  candidateId,
  title,
  reasons,
}: {
  candidateId: number;
  title: string;
  reasons: readonly ReasonOption[];
}) {
  const say = useStatus();
  const [decision, setDecision] = useState('');
  const resolve = useAction(resolveScreeningAction, {
    onSuccess: (r) => say(`Resolved “${title}”: ${OUTCOME_TEXT[r.outcome ?? ''] ?? 'decision recorded'}.`),
  });
  const id = `resolve-${candidateId}`;
  const error = errorFor(resolve.error, 'decision', 'reasonId', 'candidateId');

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    resolve.run({
      candidateId,
      decision: data.get('decision'),
      reasonId: data.get('reasonId') ?? null,
      note: data.get('note') ?? '',
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined} data-testid="resolve-form">
      <fieldset>
        <legend>Your decision as the third screener</legend>
        {(['include', 'exclude', 'maybe'] as const).map((d) => (
          <label key={d} style={{ marginRight: '1rem' }}>
            <input type="radio" name="decision" value={d} required onChange={() => setDecision(d)} />{' '}
            {d === 'include' ? 'Include' : d === 'exclude' ? 'Exclude' : 'Maybe'}
          </label>
        ))}
      </fieldset>
      {decision === 'exclude' && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason for excluding (optional when resolving)</label>
          <select id={`${id}-reason`} name="reasonId" defaultValue="">
            <option value="">No reason given</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <textarea id={`${id}-note`} name="note" rows={2} maxLength={1000} />
      </div>
      {error && (
        <Alert inline id={`${id}-error`}>
          {error}
        </Alert>
      )}
      <button type="submit" className="btn btn-primary" disabled={resolve.pending}>
        {resolve.pending ? 'Saving…' : 'Resolve'}
      </button>
    </form>
  );
}
