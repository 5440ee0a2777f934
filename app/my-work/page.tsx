import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { listMyWork, type MyWorkItem } from '@/db/queries/my-work';

export const metadata: Metadata = { title: 'My work' };
export const dynamic = 'force-dynamic';

function WorkTable({ items, testId, edit }: { items: MyWorkItem[]; testId: string; edit: boolean }) {
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Finding</th>
            <th scope="col">Revision</th>
            <th scope="col">State</th>
            <th scope="col">Result</th>
            <th scope="col">Change summary</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={`${i.publicId}-${i.revisionNo}`} data-testid="work-row">
              <td>
                <Link href={edit ? `/findings/${i.publicId}/edit` : `/findings/${i.publicId}`}>{i.publicId}</Link>
              </td>
              <td>{i.revisionNo}</td>
              <td>
                <span className={`status status-${i.state}`}>{i.state.replace('_', ' ')}</span>
              </td>
              <td>{i.result || <span className="muted">(no result yet)</span>}</td>
              <td>{i.summary}</td>
              <td>
                <time dateTime={i.updatedAt.toISOString()}>
                  {i.updatedAt.toISOString().replace('T', ' ').slice(0, 16)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function MyWorkPage() {
  const user = await requireRole('curator', '/my-work');
  const { drafts, submitted } = await listMyWork(await getDb(), user.id);
  return (
    <section aria-labelledby="work-title">
      <h1 id="work-title">My work</h1>
      <p>
        <Link className="btn btn-primary" href="/sources/new">
          Record a new finding
        </Link>
      </p>
      <h2>Drafts ({drafts.length})</h2>
      {drafts.length ? (
        <WorkTable items={drafts} testId="my-drafts" edit />
      ) : (
        <p className="empty">No drafts. Drafts you start are saved here automatically.</p>
      )}
      <h2>Submitted revisions ({submitted.length})</h2>
      {submitted.length ? (
        <WorkTable items={submitted} testId="my-submitted" edit={false} />
      ) : (
        <p className="empty">Nothing submitted yet.</p>
      )}
    </section>
  );
}
