'use client';

import { Alert } from '@/components/ui/alert';
import { FIELD_LABELS, FINDING_FIELDS } from '@/lib/finding/schema';
import type { FindingFormValues } from './types';

export type Conflict = {
  message: string;
  current: {
    lockVersion: number;
    revisionNo: number;
    status: string;
    content: Record<string, unknown>;
    by: string;
    at: string;
  } | null;
  mine: FindingFormValues;
};

function show(v: unknown): string {
  if (Array.isArray(v))
    return (
      v
        .map((x) =>
          typeof x === 'object' && x ? `${(x as { name: string }).name} (${(x as { type: string }).type})` : String(x),
        )
        .join('; ') || '—'
    );
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

/** What changed under the editor, with both versions side by side, and the way forward. */
export function ConflictPanel({
  conflict,
  onLoadSaved,
  onDismiss,
}: {
  conflict: Conflict;
  onLoadSaved: () => void;
  onDismiss: () => void;
}) {
  const { current, mine } = conflict;
  const changed = current
    ? FINDING_FIELDS.filter((f) => JSON.stringify(show(current.content[f])) !== JSON.stringify(show(mine[f])))
    : [];
  return (
    <Alert as="section" labelledBy="conflict-title" testId="conflict">
      <h2 id="conflict-title" style={{ marginTop: 0 }}>
        Not saved: this finding changed while you were editing
      </h2>
      <p>{conflict.message}</p>
      {current && (
        <>
          <p>
            Saved version: revision {current.revisionNo} by {current.by}, {new Date(current.at).toLocaleString('en')}.{' '}
            {changed.length ? `${changed.length} field(s) differ from yours:` : 'Its fields match yours.'}
          </p>
          {changed.length > 0 && (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Saved version</th>
                  <th scope="col">Your unsaved text</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((f) => (
                  <tr key={f}>
                    <th scope="row">{FIELD_LABELS[f]}</th>
                    <td>{show(current.content[f])}</td>
                    <td data-testid={`mine-${f}`}>{show(mine[f])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
            <button type="button" className="btn btn-primary" onClick={onLoadSaved}>
              Reload the saved version into the form
            </button>
            <button type="button" className="btn" onClick={onDismiss}>
              Keep my text in the form for now
            </button>
          </p>
          <p className="hint">
            Reloading keeps this table of your unsaved text until you dismiss it, so you can copy from it.
          </p>
        </>
      )}
    </Alert>
  );
}
