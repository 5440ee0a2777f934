import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getFindingByPublicId, getRevision } from '@/db/queries/findings';
import { CompareForm } from '@/components/findings/compare-form';
import { HistoryTable } from '@/components/findings/history-table';
import { visibleRevisions } from '@/components/findings/revision-rows';
import { RevisionDiff } from '@/components/findings/revision-diff';
import { hasRole } from '@/lib/auth/roles';
import { diffFindings } from '@/lib/finding/diff';
import { revisionToContent } from '@/lib/finding/from-row';
import { parsePublicId } from '@/lib/finding/public-id';
import { canSeeWorkflow } from '@/lib/policy/read';
import { requireDatasetReader } from '@/server/read-policy';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/findings/[id]/history'>): Promise<Metadata> {
  return { title: `History of ${(await params).id}` };
}

const revNo = (v: unknown) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : null);

export default async function HistoryPage({ params, searchParams }: PageProps<'/findings/[id]/history'>) {
  const { id } = await params;
  const query = await searchParams;
  const policy = await requireDatasetReader();
  const user = policy.user;
  const publicId = parsePublicId(id);
  const db = await getDb();
  const data = publicId ? await getFindingByPublicId(db, publicId) : undefined;
  if (!data) notFound();
  const { finding } = data;
  const visible = visibleRevisions(data, policy);
  if (visible.length === 0) notFound();

  const last = visible.at(-1)!.revisionNo;
  const b = revNo(query.b) ?? last;
  const a = revNo(query.a) ?? (visible.length > 1 ? visible.at(-2)!.revisionNo : null);
  const pick = (n: number | null) => (n == null ? undefined : visible.find((r) => r.revisionNo === n));
  const ra = pick(a);
  const rb = pick(b);
  const [revA, revB] = await Promise.all([ra ? getRevision(db, ra.id) : null, rb ? getRevision(db, rb.id) : null]);
  const diffs = revB ? diffFindings(revA ? revisionToContent(revA) : null, revisionToContent(revB)) : [];
  const workflow = canSeeWorkflow(policy);
  const canEdit = user && hasRole(user.role, 'curator') && (finding.status !== 'rejected' || user.role === 'admin');

  return (
    <article aria-labelledby="history-title">
      <h1 id="history-title">
        History of <Link href={`/findings/${finding.publicId}`}>{finding.publicId}</Link>
      </h1>
      <HistoryTable data={data} rows={visible} workflow={workflow} canEdit={Boolean(canEdit)} />

      <CompareForm revisionNos={visible.map((r) => r.revisionNo)} a={a} b={b} />
      <p className="muted">
        {revA
          ? `Changes from revision ${revA.revisionNo} to ${revB?.revisionNo}`
          : `Revision ${revB?.revisionNo} in full`}
      </p>
      <RevisionDiff diffs={diffs} />
    </article>
  );
}
