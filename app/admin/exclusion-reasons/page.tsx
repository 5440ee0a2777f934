import type { Metadata } from 'next';
import { AddReasonForm } from '@/components/screening/add-reason-form';
import { ReasonRow } from '@/components/screening/reason-row';
import { StatusRegion } from '@/components/screening/status-region';
import { getDb } from '@/db';
import { exclusionReasonUse, listExclusionReasons } from '@/db/queries/exclusion-reasons';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: 'Exclusion reasons' };
export const dynamic = 'force-dynamic';

/** The reasons screeners choose from when they exclude a record: add, rename, retire or reactivate. */
export default async function ExclusionReasonsPage() {
  await requireRole('admin', '/admin/exclusion-reasons');
  const db = await getDb();
  const [reasons, use] = await Promise.all([listExclusionReasons(db), exclusionReasonUse(db)]);
  return (
    <section aria-labelledby="reasons-title">
      <h1 id="reasons-title">Exclusion reasons</h1>
      <p className="muted">
        Screeners choose one of the active reasons when they exclude a record. A reason is never deleted: retire it and
        screeners no longer see it, while past decisions keep it. A new label shows on past decisions too.
      </p>
      <StatusRegion testId="reasons-status">
        <div className="table-wrap">
          <table className="data-table" data-testid="exclusion-reasons">
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col">Status</th>
                <th scope="col">Decisions citing it</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reasons.map((r) => (
                <ReasonRow
                  key={r.id}
                  reason={{ id: r.id, label: r.label, active: r.active, used: use.get(r.id) ?? 0 }}
                />
              ))}
            </tbody>
          </table>
        </div>
        <h2>Add a reason</h2>
        <AddReasonForm />
      </StatusRegion>
    </section>
  );
}
