'use client';

import { useState } from 'react';
import { checkSourceUpdatesAction } from '@/app/sources/[...doi]/actions';
import { Alert } from '@/components/ui/alert';
import { useAction } from '@/components/ui/use-action';

type Checked = { newUpdates: number; retracted: boolean; flagged: number };

function outcome(r: Checked): string {
  if (r.newUpdates === 0) return 'Checked Crossref: no new retraction, correction or expression of concern.';
  const parts = [`Checked Crossref: ${r.newUpdates} new notice${r.newUpdates === 1 ? '' : 's'}`];
  if (r.retracted) parts.push('the paper is now marked retracted');
  if (r.flagged) parts.push(`${r.flagged} finding${r.flagged === 1 ? '' : 's'} flagged`);
  return `${parts.join('; ')}.`;
}

/** A curator asks Crossref now for the source's update notices (retraction, correction, expression of concern). */
export function CheckUpdatesButton({ sourceId }: { sourceId: number }) {
  const [done, setDone] = useState<string | null>(null);
  const check = useAction(checkSourceUpdatesAction, { onSuccess: (r) => setDone(outcome(r)) });
  return (
    <p data-testid="check-updates">
      <button
        type="button"
        className="btn"
        disabled={check.pending}
        onClick={() => {
          setDone(null);
          check.run({ sourceId });
        }}
      >
        {check.pending ? 'Checking…' : 'Check for retractions and corrections now'}
      </button>
      <Alert inline as="span" tone={check.error ? 'error' : 'ok'} role="status" testId="check-updates-result">
        {check.pending ? ' Asking Crossref…' : ''}
        {!check.pending && check.error ? ` ${check.error.message}` : ''}
        {!check.pending && !check.error && done ? ` ${done}` : ''}
      </Alert>
    </p>
  );
}
