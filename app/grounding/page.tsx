import type { Metadata } from 'next';
import Link from 'next/link';
import { ProposalQueue } from '@/components/grounding/proposal-queue';
import { toProposalView } from '@/components/grounding/proposal-view';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db';
import { listOpenProposals } from '@/db/queries/grounding-proposals';
import { proposalCursorOf } from '@/lib/vocab/grounding-request';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: 'Grounding queue' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 25;

export default async function GroundingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole('curator', '/grounding');
  const after = proposalCursorOf((await searchParams).after);
  const page = await listOpenProposals(await getDb(), { after: after ?? undefined, limit: PAGE_SIZE });
  return (
    <section aria-labelledby="grounding-title">
      <h1 id="grounding-title">Grounding queue</h1>
      <p className="muted">
        Text of approved findings that matched a term only by a synonym, matched several terms, or names a miRNA without
        its arm. Choose the term the paper means — that writes a new revision of the finding, which goes to review — or
        “none of these” to keep the text ungrounded.
      </p>
      {after === null && <Alert tone="info">That page address was not understood; showing the first page.</Alert>}
      <p data-testid="grounding-count">
        {page.total === 0
          ? 'No proposal waits: every grounding the import could not decide has been decided.'
          : `${page.total.toLocaleString('en')} open proposal${page.total === 1 ? '' : 's'}.`}
      </p>
      <ProposalQueue proposals={page.rows.map(toProposalView)} />
      {(after !== undefined || page.next !== null) && (
        <nav className="pager" aria-label="Pages of proposals">
          {after !== undefined && <Link href="/grounding">« First page</Link>}
          {page.next !== null && (
            <Link href={`/grounding?after=${page.next}`} rel="next">
              Next page »
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
