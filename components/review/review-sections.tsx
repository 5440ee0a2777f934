import type { FindingRevision, Source } from '@/db/schema';
import { formatCitation } from '@/lib/citation';
import { doiUrl } from '@/lib/doi';
import type { EvidenceInText } from '@/server/evidence-view';
import { EvidenceInTextView } from '@/components/findings/evidence-in-text';

/** The source and the quoted evidence, first, so the reviewer checks the claim against the paper. */
export function SourceAndEvidence({
  source,
  revision,
  evidence,
}: {
  source: Source;
  revision: FindingRevision;
  evidence: EvidenceInText;
}) {
  return (
    <>
      <h2>Source</h2>
      <p>
        {formatCitation(source)}{' '}
        <a href={doiUrl(source.doi)} rel="noreferrer">
          https://doi.org/{source.doi}
        </a>
      </p>
      <h2>Evidence</h2>
      {revision.evidenceQuote ? (
        <blockquote data-testid="evidence">
          {revision.evidenceQuote}
          {revision.evidenceLocation && <footer className="muted">— {revision.evidenceLocation}</footer>}
        </blockquote>
      ) : null}
      {revision.evidenceQuote ? (
        <EvidenceInTextView view={evidence} doi={source.doi} />
      ) : (
        <p className="muted">
          No evidence quote given{revision.evidenceLocation ? ` (location: ${revision.evidenceLocation})` : ''}.
        </p>
      )}
    </>
  );
}

type DecisionRow = { reviewerId: number; reviewer: string; decision: string; comment: string | null };

/** Who has decided on this revision so far. */
export function DecisionsSoFar({
  decisions,
  approvalsRequired,
}: {
  decisions: DecisionRow[];
  approvalsRequired: number;
}) {
  return (
    <>
      <h2>Decisions on this revision</h2>
      {decisions.length === 0 ? (
        <p className="muted">None yet. Approvals required: {approvalsRequired}.</p>
      ) : (
        <ul data-testid="decisions">
          {decisions.map((d) => (
            <li key={d.reviewerId}>
              {d.decision.replace('_', ' ')} by {d.reviewer}
              {d.comment && `: “${d.comment}”`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
