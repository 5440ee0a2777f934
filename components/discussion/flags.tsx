'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { raiseFlagAction, resolveFlagAction } from '@/app/findings/[id]/actions';
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
  const router = useRouter();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const id = `resolve-${flagId}`;
  return (
    <form
      aria-label={`Resolve flag ${flagId}`}
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await resolveFlagAction({ flagId, resolution: text });
          if (!r.ok) setError(r.fields?.resolution ?? r.message);
          else router.refresh();
        });
      }}
      style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-end', flexWrap: 'wrap' }}
    >
      <div className="field">
        <label htmlFor={id}>Resolution</label>
        <input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="btn" disabled={pending}>
        Resolve
      </button>
    </form>
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
  const router = useRouter();
  const [reason, setReason] = useState<string>(FLAG_REASONS[0].value);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const open = flags.filter((f) => !f.resolvedAt).length;
  return (
    <section aria-labelledby="flags-title" data-testid="flags">
      <h2 id="flags-title">
        Flags <span className="muted">({open} open)</span>
      </h2>
      {flags.length > 0 && (
        <ul>
          {flags.map((f) => (
            <li key={f.id} data-testid="flag">
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
          ))}
        </ul>
      )}
      {canRaise && (
        <details>
          <summary>Flag a problem with this finding</summary>
          <form
            aria-label="Flag a problem"
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              start(async () => {
                const r = await raiseFlagAction({ findingId, reason, note });
                if (!r.ok) {
                  setError(r.fields?.note ?? r.fields?.reason ?? r.message);
                  return;
                }
                setNote('');
                setError(null);
                router.refresh();
              });
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
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'flag-error' : undefined}
              />
              {error && (
                <p className="field-error" id="flag-error" role="alert">
                  {error}
                </p>
              )}
            </div>
            <div>
              <button type="submit" className="btn" disabled={pending}>
                Raise flag
              </button>
            </div>
          </form>
        </details>
      )}
    </section>
  );
}
