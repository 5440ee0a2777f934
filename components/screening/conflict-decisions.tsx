import type { ConflictDecision } from '@/db/queries/screening-view';

const DECISION_TEXT = { include: 'Include', exclude: 'Exclude', maybe: 'Maybe' } as const;

/** The screeners' decisions on one record in conflict, with their reasons and notes (for the third screener). */
export function ConflictDecisions({ decisions }: { decisions: readonly ConflictDecision[] }) {
  if (decisions.length === 0) return <p className="muted">No decision recorded.</p>;
  return (
    <ul data-testid="conflict-decisions">
      {decisions.map((d, i) => (
        <li key={i}>
          <strong>{DECISION_TEXT[d.decision]}</strong>
          {d.stage === 'resolve' ? ' (an earlier resolve)' : ''} by {d.screener}
          {d.reason && <> — reason: {d.reason}</>}
          {d.note && (
            <>
              {' '}
              — note: <q>{d.note}</q>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
