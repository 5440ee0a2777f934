import type { Metadata } from 'next';
import Link from 'next/link';
import { ConflictDecisions } from '@/components/screening/conflict-decisions';
import { RecordView } from '@/components/screening/record-view';
import { ResolveForm } from '@/components/screening/resolve-form';
import { StatusRegion } from '@/components/screening/status-region';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db';
import { listExclusionReasons } from '@/db/queries/exclusion-reasons';
import { conflictQueue } from '@/db/queries/screening';
import { candidateDetails, conflictDecisions } from '@/db/queries/screening-view';
import { getSettings } from '@/db/queries/settings';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: 'Screening conflicts' };
export const dynamic = 'force-dynamic';

const LIMIT = 50;
const NO_MENTIONS = { title: [], abstract: [] };

/**
 * Records the two screeners of dual mode disagreed on (or both called "maybe"), for a third screener who did
 * not screen them: here, and only here, the two decisions are shown.
 */
export default async function ConflictsPage() {
  const user = await requireRole('curator', '/literature/conflicts');
  const db = await getDb();
  const { screeningMode } = await getSettings(db);
  if (screeningMode !== 'dual') {
    return (
      <section aria-labelledby="conflicts-title">
        <h1 id="conflicts-title">Screening conflicts</h1>
        <Alert tone="info">
          Screening is set to single: one screener’s decision settles a record, so no conflict arises. Records left in
          conflict by dual screening can be resolved when an admin sets dual screening again.
        </Alert>
      </section>
    );
  }
  const queue = await conflictQueue(db, user.id, LIMIT);
  const ids = queue.map((c) => c.id);
  const [details, decisions, reasons] = await Promise.all([
    candidateDetails(db, ids),
    conflictDecisions(db, user.id, ids),
    listExclusionReasons(db, { activeOnly: true }),
  ]);
  const detailOf = new Map(details.map((d) => [d.id, d]));
  const options = reasons.map((r) => ({ id: r.id, label: r.label }));
  return (
    <section aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">Screening conflicts</h1>
      <p className="muted">
        The two screeners decided blind to each other. As the third screener, your decision settles the record. Records
        you screened yourself go to someone else.
      </p>
      <StatusRegion testId="conflicts-status">
        {queue.length === 0 ? (
          <div className="empty" data-testid="conflicts-empty">
            <p>No conflict waits for you.</p>
            <p>
              <Link href="/literature/screen">Back to screening</Link>
            </p>
          </div>
        ) : (
          <ol style={{ listStyle: 'none', padding: 0 }} data-testid="conflicts">
            {queue.map((c) => {
              const d = detailOf.get(c.id);
              return (
                <li key={c.id} className="card" style={{ marginBottom: '1rem' }} data-testid="conflict">
                  <p className="muted">
                    {c.outcome === 'maybe' ? 'Both screeners said maybe.' : 'The screeners disagree.'}
                  </p>
                  <RecordView
                    headingLevel={2}
                    mentions={NO_MENTIONS}
                    rec={{
                      ...c,
                      authors: d?.authors ?? [],
                      journal: d?.journal ?? '',
                      keywords: d?.keywords ?? [],
                      pmid: d?.pmid ?? null,
                      isPreprint: d?.isPreprint ?? false,
                    }}
                  />
                  <ConflictDecisions decisions={decisions.filter((x) => x.candidateId === c.id)} />
                  <ResolveForm candidateId={c.id} title={c.title} reasons={options} />
                </li>
              );
            })}
          </ol>
        )}
      </StatusRegion>
      {queue.length === LIMIT && <p className="hint">Showing the first {LIMIT}; resolve these to see more.</p>}
    </section>
  );
}
