import type { Metadata } from 'next';
import Link from 'next/link';
import { PapersTable } from '@/components/literature/papers-table';
import { getDb } from '@/db';
import { listAssignableUsers, listIncludedPapers } from '@/db/queries/assignments';
import { hasRole } from '@/lib/auth/roles';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: 'Included papers' };
export const dynamic = 'force-dynamic';

export default async function PapersPage() {
  const user = await requireRole('curator', '/literature/papers');
  const mayAssign = hasRole(user.role, 'reviewer');
  const db = await getDb();
  const [papers, people] = await Promise.all([listIncludedPapers(db), mayAssign ? listAssignableUsers(db) : []]);
  return (
    <section aria-labelledby="papers-title" className="stack">
      <h1 id="papers-title">Included papers</h1>
      <p className="muted">
        Papers included at screening, each a source waiting for findings. Reviewers and admins assign them; any curator
        can claim one nobody has. A paper whose source has a submitted finding shows as “findings submitted”. Back to{' '}
        <Link href="/literature">Literature</Link>.
      </p>
      <PapersTable
        papers={papers}
        viewer={{ id: user.id, mayAssign }}
        people={people}
        empty="No included papers yet: papers included at screening appear here."
      />
    </section>
  );
}
