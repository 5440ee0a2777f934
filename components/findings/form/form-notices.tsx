'use client';

import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { type Conflict, ConflictPanel } from './conflict-panel';

/** Where the finding comes from, and what else is already recorded from it. */
export function SourceNotices({
  source,
  siblings,
  startsNewRevision,
}: {
  source: { doi: string; citation: string };
  siblings: { publicId: string; label: string }[];
  startsNewRevision: boolean;
}) {
  return (
    <>
      <p>
        Source: {source.citation} <Link href={`/sources/${source.doi}`}>doi:{source.doi}</Link>
      </p>
      {siblings.length > 0 && (
        <Alert tone="info" role="none" testId="siblings-warning">
          This DOI already has {siblings.length} finding(s); check you are not recording one of them again:
          <ul>
            {siblings.map((s) => (
              <li key={s.publicId}>
                <Link href={`/findings/${s.publicId}`}>{s.publicId}</Link> — {s.label}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {startsNewRevision && (
        <p className="hint">
          Saving starts a new draft revision; the current one stays as it is until yours is approved.
        </p>
      )}
    </>
  );
}

/** A save refused because the finding changed: both versions, then (after reloading) a copy of mine. */
export function ConflictNotices({
  conflict,
  onLoadSaved,
  onDismiss,
}: {
  conflict: Conflict | null;
  onLoadSaved: () => void;
  onDismiss: () => void;
}) {
  if (!conflict) return null;
  return (
    <>
      <ConflictPanel conflict={conflict} onLoadSaved={onLoadSaved} onDismiss={onDismiss} />
      {!conflict.current && (
        <Alert tone="ok" as="section" role="none" label="Your unsaved text">
          <p>{conflict.message}</p>
          <pre style={{ whiteSpace: 'pre-wrap' }} data-testid="unsaved-copy">
            {JSON.stringify(conflict.mine, null, 2)}
          </pre>
          <button type="button" className="btn" onClick={onDismiss}>
            Dismiss
          </button>
        </Alert>
      )}
    </>
  );
}

/** Why the last save or submission was refused, when it is not about one field. */
export function SubmitErrors({ duplicates, rootError }: { duplicates: string[]; rootError?: string }) {
  if (duplicates.length > 0)
    return (
      <Alert testId="duplicate-error">
        Not submitted: an identical finding already exists —{' '}
        {duplicates.map((d) => (
          <Link key={d} href={`/findings/${d}`} style={{ marginRight: '0.5rem' }}>
            {d}
          </Link>
        ))}
      </Alert>
    );
  return rootError ? <Alert>{rootError}</Alert> : null;
}

/** What the reader put into the form, and what it could not. */
export function PrefillNotices({ notices, errors }: { notices: string[]; errors: string[] }) {
  return (
    <>
      {notices.length > 0 && (
        <Alert tone="ok" role="status" testId="prefill-notice">
          {notices.join(' ')}
        </Alert>
      )}
      {errors.length > 0 && (
        <Alert role="alert" testId="prefill-error">
          {errors.join(' ')}
        </Alert>
      )}
    </>
  );
}
