import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { listQueue } from '@/db/queries/review';
import { getSettings } from '@/db/queries/settings';
import { ORGANS, organById } from '@/lib/vocab';

export const metadata: Metadata = { title: 'Review queue' };
export const dynamic = 'force-dynamic';

export default async function ReviewQueuePage({ searchParams }: PageProps<'/review'>) {
  const me = await requireRole('reviewer', '/review');
  const q = await searchParams;
  const organ = typeof q.organ === 'string' && organById(q.organ) ? q.organ : undefined;
  const submitter = typeof q.submitter === 'string' && /^\d{1,9}$/.test(q.submitter) ? Number(q.submitter) : undefined;
  const db = await getDb();
  const [all, items, settings] = await Promise.all([
    listQueue(db, me.id),
    listQueue(db, me.id, { organ, submitter }),
    getSettings(db),
  ]);
  const submitters = [...new Map(all.map((i) => [i.submitterId, i.submitter])).entries()];
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">Review queue</h1>
      <p className="muted">
        {all.length} revision(s) awaiting review, oldest first. Approvals required: {settings.approvalsRequired}.
      </p>
      <form
        method="get"
        style={{ display: 'flex', gap: '0.75rem', alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: '1rem' }}
      >
        <div className="field">
          <label htmlFor="q-organ">Target organ</label>
          <select id="q-organ" name="organ" defaultValue={organ ?? ''}>
            <option value="">Any</option>
            {ORGANS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-submitter">Submitter</label>
          <select id="q-submitter" name="submitter" defaultValue={submitter ?? ''}>
            <option value="">Anyone</option>
            {submitters.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn">
          Filter
        </button>
      </form>
      {items.length === 0 ? (
        <p className="empty">
          {all.length === 0 ? 'Nothing awaits review. Well done.' : 'No revisions match these filters.'}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="queue">
            <thead>
              <tr>
                <th scope="col">Finding</th>
                <th scope="col">Kind</th>
                <th scope="col">Organ</th>
                <th scope="col">Result</th>
                <th scope="col">Submitter</th>
                <th scope="col">Submitted</th>
                <th scope="col">Approvals</th>
                <th scope="col">Open flags</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.findingId} data-testid="queue-row">
                  <td>
                    <Link href={`/review/${i.publicId}`}>
                      {i.publicId} r{i.revisionNo}
                    </Link>
                  </td>
                  <td>{i.isEdit ? 'edit of approved' : 'new finding'}</td>
                  <td>{i.organ || '—'}</td>
                  <td>{i.result}</td>
                  <td>{i.submitterId === me.id ? `${i.submitter} (you)` : i.submitter}</td>
                  <td>
                    <time dateTime={i.submittedAt.toISOString()}>
                      {i.submittedAt.toISOString().replace('T', ' ').slice(0, 16)}
                    </time>
                  </td>
                  <td>
                    {i.approvals}/{settings.approvalsRequired}
                    {i.decidedByMe ? ' (you decided)' : ''}
                  </td>
                  <td>{i.openFlags}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
