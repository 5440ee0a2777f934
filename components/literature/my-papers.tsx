import Link from 'next/link';
import { getDb } from '@/db';
import { listIncludedPapers } from '@/db/queries/assignments';
import { PapersTable } from './papers-table';

/** My work's "Papers assigned to me": included papers this curator has, with their status to set. */
export async function MyPapers({ userId }: { userId: number }) {
  const papers = await listIncludedPapers(await getDb(), { assignedTo: userId });
  return (
    <>
      <h2>Papers assigned to me ({papers.length})</h2>
      <PapersTable
        papers={papers}
        viewer={{ id: userId, mayAssign: false }}
        people={[]}
        testId="my-papers"
        empty="No papers assigned to you."
      />
      <p>
        <Link href="/literature/papers">All included papers</Link>
      </p>
    </>
  );
}
