'use client';

import { useState } from 'react';
import { raiseFlagAction, resolveFlagAction } from '@/app/findings/[id]/actions';
import { Alert } from '@/components/ui/alert';
import { errorFor, useAction } from '@/components/ui/use-action';
import { FLAG_REASONS, flagReasonLabel } from '@/lib/discussion/schema';

type FlagDto = {
  id: number;
  reason: string;
  note: string;
  raisedBy: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
};

function ResolveForm({ flagId }: { flagId: number }) {
  const [text, setText] = useState('');
  const { run, pending, error } = useAction(resolveFlagAction);
  const message = errorFor(error, 'resolution');
  const id = `resolve-${flagId}`;
  return (
    <form
      aria-label={`Resolve flag ${flagId}`}
      onSubmit={(e) => {
        e.preventDefault();
        run({ flagId, resolution: text });
      }}
      style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-end', flexWrap: 'wrap' }}
    >
      <div className="field">
        <label htmlFor={id}>Resolution</label>
        <input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
        />
        {message && (
          <Alert inline id={`${id}-error`}>
            {message}
          </Alert>
        )}
      </div>
      <button type="submit" className="btn" disabled={pending}>
        Resolve
      </button>
    </form>
  );
}

function RaiseFlagForm({ findingId }: { findingId: number }) {
  const [reason, setReason] = useState<string>(FLAG_REASONS[0].value);
  const [note, setNote] = useState('');
  const { run, pending, error } = useAction(raiseFlagAction, { onSuccess: () => setNote('') });
  const message = errorFor(error, 'note', 'reason');
  return (
    <form
      aria-label="Flag a problem"
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        run({ findingId, reason, note });
      }}
    >
      <div className="field">
        <label htmlFor="flag-reason">Reason</label>
        <select id="flag-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
          {FLAG_REASONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="flag-note">Details</label>
        <input
          id="flag-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'flag-error' : undefined}
        />
        {message && (
          <Alert inline id="flag-error">
            {message}
          </Alert>
        )}
      </div>
      <div>
        <button type="submit" className="btn" disabled={pending}>
          Raise flag
        </button>
      </div>
    </form>
  );
}

function FlagItem({ flag: f, canResolve }: { flag: FlagDto; canResolve: boolean }) {
  return (
    <li data-testid="flag">
      <strong>{flagReasonLabel(f.reason)}</strong>
      {f.note ? `: ${f.note}` : ''} <span className="muted">— {f.raisedBy}</span>{' '}
      {f.resolvedAt ? (
        <span className="status status-approved">
          resolved by {f.resolvedBy}: {f.resolution}
        </span>
      ) : (
        <>
          <span className="status status-submitted">open</span>
          {canResolve && <ResolveForm flagId={f.id} />}
        </>
      )}
    </li>
  );
}

/** Flags on an approved finding: raise one (signed in), resolve with a comment (reviewers). */
export function Flags({
  findingId,
  flags,
  canRaise,
  canResolve,
}: {
  findingId: number;
  flags: FlagDto[];
  canRaise: boolean;
  canResolve: boolean;
}) {
  const open = flags.filter((f) => !f.resolvedAt).length;
  return (
    <section aria-labelledby="flags-title" data-testid="flags">
      <h2 id="flags-title">
        Flags <span className="muted">({open} open)</span>
      </h2>
      {flags.length > 0 && (
        <ul>
          {flags.map((f) => (
            <FlagItem key={f.id} flag={f} canResolve={canResolve} />
          ))}
        </ul>
      )}
      {canRaise && (
        <details>
          <summary>Flag a problem with this finding</summary>
          <RaiseFlagForm findingId={findingId} />
        </details>
      )}
    </section>
  );
}
