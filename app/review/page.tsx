import type { Metadata } from 'next';
import { requireRole } from '@/server/session';
import { FindingList } from '@/components/findings/finding-list';
import { queueColumns } from '@/components/findings/list-columns';
import { QueueFilters } from '@/components/review/queue-filters';
import { getDb } from '@/db';
import { listQueue } from '@/db/queries/review';
import { getSettings } from '@/db/queries/settings';
import { organById } from '@/lib/vocab';

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
      <QueueFilters organ={organ} submitter={submitter} submitters={submitters} />
      <FindingList
        rows={items}
        columns={queueColumns(me.id, settings.approvalsRequired)}
        rowKey={(i) => String(i.findingId)}
        testId="queue"
        rowTestId="queue-row"
        empty={all.length === 0 ? 'Nothing awaits review. Well done.' : 'No revisions match these filters.'}
      />
    </section>
  );
}
