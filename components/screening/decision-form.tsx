'use client';

import { type RefObject, useEffect, useRef, useState } from 'react';
import { decideScreeningAction } from '@/app/literature/screen/actions';
import { Alert } from '@/components/ui/alert';
import { errorFor, useAction } from '@/components/ui/use-action';
import styles from './screening.module.css';
import { useScreeningKeys } from './use-screening-keys';

type Decision = 'include' | 'exclude' | 'maybe';
export type ReasonOption = { id: number; label: string };

const VERB: Record<Decision, string> = { include: 'Included', exclude: 'Excluded', maybe: 'Marked maybe' };

/** The reason select of an exclusion: Enter confirms, Escape cancels. */
function ReasonPicker({
  ref,
  reasons,
  value,
  error,
  ...props
}: {
  reasons: readonly ReasonOption[];
  value: string;
  onChange: (v: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
  error?: string;
  ref: RefObject<HTMLSelectElement | null>;
}) {
  return (
    <div className="field">
      <label htmlFor="screening-reason">Reason for excluding</label>
      <select
        id="screening-reason"
        ref={ref}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'screening-reason-error screening-reason-hint' : 'screening-reason-hint'}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== 'Escape') return;
          e.preventDefault();
          if (e.key === 'Enter') props.onConfirm();
          else props.onCancel();
        }}
      >
        <option value="">Choose a reason…</option>
        {reasons.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </select>
      <p className="hint" id="screening-reason-hint">
        Enter confirms, Escape cancels.
      </p>
      {error && (
        <Alert inline id="screening-reason-error">
          {error}
        </Alert>
      )}
    </div>
  );
}

/** The decision buttons, each naming its key; Exclude turns into Confirm / Cancel while a reason is chosen. */
function DecisionButtons({
  busy,
  excluding,
  onDecide,
  onExcluding,
  onSkip,
}: {
  busy: boolean;
  excluding: boolean;
  onDecide: (d: Decision) => void;
  onExcluding: (on: boolean) => void;
  onSkip: () => void;
}) {
  return (
    <div className={styles.decisions}>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onDecide('include')}>
        Include (i)
      </button>
      {excluding ? (
        <>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => onDecide('exclude')}>
            Confirm exclusion
          </button>
          <button type="button" className="btn" onClick={() => onExcluding(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="btn" disabled={busy} onClick={() => onExcluding(true)}>
          Exclude… (e)
        </button>
      )}
      <button type="button" className="btn" disabled={busy} onClick={() => onDecide('maybe')}>
        Maybe (m)
      </button>
      <button type="button" className="link-button" disabled={busy} onClick={onSkip}>
        Skip to the next record (n)
      </button>
      {busy && <span className="muted">Saving…</span>}
    </div>
  );
}

/**
 * Include / Exclude / Maybe on one record, by button or key (i, e, m; n skips). Exclude first asks for one of
 * the active reasons: the select appears and takes the focus, Enter confirms, Escape cancels.
 */
export function DecisionForm(props: {
  candidateId: number;
  reasons: readonly ReasonOption[];
  onDecided: (verb: string) => void;
  onSkip: () => void;
}) {
  const { candidateId, onSkip } = props;
  const [excluding, setExcluding] = useState(false);
  const [reasonId, setReasonId] = useState('');
  const [note, setNote] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const reasonRef = useRef<HTMLSelectElement>(null);
  const decide = useAction(decideScreeningAction, {
    onSuccess: (_data, input) => props.onDecided(VERB[(input as { decision: Decision }).decision]),
  });
  const busy = decide.pending;

  const submit = (decision: Decision) => {
    if (busy) return;
    if (decision === 'exclude' && !reasonId) {
      setMissingReason(true);
      reasonRef.current?.focus();
      return;
    }
    setMissingReason(false);
    decide.run({ candidateId, decision, reasonId: decision === 'exclude' ? reasonId : null, note });
  };

  useEffect(() => {
    if (excluding) reasonRef.current?.focus();
  }, [excluding]);
  useScreeningKeys({
    i: () => submit('include'),
    m: () => submit('maybe'),
    e: () => setExcluding(true),
    n: () => !busy && onSkip(),
  });

  const reasonError = missingReason
    ? 'Choose a reason for excluding this record.'
    : decide.error?.fields?.reasonId && errorFor(decide.error, 'reasonId');
  const formError = decide.error && !decide.error.fields?.reasonId ? decide.error.message : undefined;
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label="Screening decision" data-testid="screening-form">
      <div className="field">
        <label htmlFor="screening-note">Note (optional)</label>
        <textarea
          id="screening-note"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {excluding && (
        <ReasonPicker
          reasons={props.reasons}
          value={reasonId}
          onChange={setReasonId}
          onConfirm={() => submit('exclude')}
          onCancel={() => setExcluding(false)}
          error={reasonError || undefined}
          ref={reasonRef}
        />
      )}
      {formError && <Alert inline>{formError}</Alert>}
      <DecisionButtons busy={busy} excluding={excluding} onDecide={submit} onExcluding={setExcluding} onSkip={onSkip} />
    </form>
  );
}
