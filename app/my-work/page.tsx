import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/server/session';
import { FindingList } from '@/components/findings/finding-list';
import { workColumns } from '@/components/findings/list-columns';
import { getDb } from '@/db';
import { listMyWork, type MyWorkItem } from '@/db/queries/my-work';
import { MyPapers } from '@/components/literature/my-papers';

export const metadata: Metadata = { title: 'My work' };
export const dynamic = 'force-dynamic';

const workKey = (i: MyWorkItem) => `${i.publicId}-${i.revisionNo}`;

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
      <FindingList
        rows={drafts}
        columns={workColumns(true)}
        rowKey={workKey}
        testId="my-drafts"
        rowTestId="work-row"
        empty="No drafts. Drafts you start are saved here automatically."
      />
      <h2>Submitted revisions ({submitted.length})</h2>
      <FindingList
        rows={submitted}
        columns={workColumns(false)}
        rowKey={workKey}
        testId="my-submitted"
        rowTestId="work-row"
        empty="Nothing submitted yet."
      />
      <MyPapers userId={user.id} />
    </section>
  );
}
