import type { TermRequestView } from '@/db/queries/term-requests';
import { KIND_LABELS } from '@/lib/vocab/fields';
import type { TermKind } from '@/lib/vocab/sources';
import type { TermRequestStatus } from '@/lib/vocab/term-request-schema';
import { GroundFindings } from './ground-findings';
import { statusLabel } from './request-status-filter';
import { TermRequestDecision } from './term-request-decision';

const day = (d: Date) => d.toISOString().slice(0, 10);
const STATUS_CLASS: Record<TermRequestStatus, string> = {
  open: 'status status-submitted',
  accepted: 'status status-approved',
  mapped: 'status status-approved',
  declined: 'status status-rejected',
};

function Resolution({ r }: { r: TermRequestView }) {
  if (r.status === 'open') return null;
  const term = r.resolvedTerm ? (
    <>
      {' '}
      <code>{r.resolvedTerm}</code>
      {r.resolvedLabel && r.resolvedLabel !== r.label ? ` (${r.resolvedLabel})` : ''}
    </>
  ) : null;
  const verb = { accepted: 'Accepted as', mapped: 'Mapped to', declined: 'Declined' }[r.status];
  return (
    <p>
      {verb}
      {term} by {r.resolvedBy ?? 'an admin'}
      {r.resolvedAt ? ` on ${day(r.resolvedAt)}` : ''}.{r.resolutionNote ? ` “${r.resolutionNote}”` : ''}
    </p>
  );
}

function RequestItem({ r, isAdmin }: { r: TermRequestView; isAdmin: boolean }) {
  const headingId = `term-request-${r.id}`;
  return (
    <li className="card" data-testid="term-request" style={{ marginBottom: '1rem' }}>
      <h3 id={headingId} style={{ marginTop: 0 }}>
        #{r.id} {r.label}{' '}
        <span className={STATUS_CLASS[r.status]} data-testid="term-request-status">
          {r.status}
        </span>
      </h3>
      <dl>
        <dt>Names</dt>
        <dd>{KIND_LABELS[r.kind as TermKind] ?? r.kind}</dd>
        <dt>Definition</dt>
        <dd>{r.definition}</dd>
        <dt>Parent</dt>
        <dd>
          {r.parentCurie ? (
            <>
              <code>{r.parentCurie}</code> {r.parentLabel}
            </>
          ) : (
            <span className="muted">none given</span>
          )}
        </dd>
        <dt>Why</dt>
        <dd>{r.reason}</dd>
        <dt>Requested</dt>
        <dd>
          by {r.requestedBy} on {day(r.createdAt)}
        </dd>
      </dl>
      <Resolution r={r} />
      {isAdmin && r.status === 'open' && <TermRequestDecision id={r.id} label={r.label} kind={r.kind} />}
      {isAdmin && (r.status === 'accepted' || r.status === 'mapped') && (
        <GroundFindings id={r.id} text={r.label} curie={r.resolvedTerm ?? ''} />
      )}
    </li>
  );
}

/** The requests of one status (or all), newest first; admins get their decisions and the grounding beside each. */
export function TermRequestList({
  requests,
  status,
  isAdmin,
}: {
  requests: TermRequestView[];
  status: TermRequestStatus | 'all';
  isAdmin: boolean;
}) {
  if (!requests.length)
    return (
      <p className="empty" data-testid="term-requests-empty">
        No term requests{status === 'all' ? '' : ` (${statusLabel(status).toLowerCase()})`} yet.
      </p>
    );
  return (
    <ol aria-label="Term requests" style={{ listStyle: 'none', padding: 0 }}>
      {requests.map((r) => (
        <RequestItem key={r.id} r={r} isAdmin={isAdmin} />
      ))}
    </ol>
  );
}
