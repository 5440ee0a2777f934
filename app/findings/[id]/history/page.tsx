import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCurrentUser } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { getFindingByPublicId, getRevision } from '@/db/queries/findings';
import { RevertButton } from '@/components/findings/revert-button';
import { RevisionDiff } from '@/components/findings/revision-diff';
import { hasRole } from '@/lib/auth/roles';
import { diffFindings } from '@/lib/finding/diff';
import { revisionToContent } from '@/lib/finding/from-row';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/findings/[id]/history'>): Promise<Metadata> {
  return { title: `History of ${(await params).id}` };
}

const revNo = (v: unknown) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : null);

export default async function HistoryPage({ params, searchParams }: PageProps<'/findings/[id]/history'>) {
  const { id } = await params;
  const query = await searchParams;
  if (!/^EVX-\d{6,}$/.test(id)) notFound();
  const db = await getDb();
  const data = await getFindingByPublicId(db, id);
  if (!data) notFound();
  const user = await getCurrentUser();
  const { finding, revisions, decisions } = data;
  const approvedIds = new Set(decisions.filter((d) => d.decision === 'approve').map((d) => d.revisionId));
  if (finding.approvedRevisionId) approvedIds.add(finding.approvedRevisionId);
  // Signed-in users see every submitted revision and their own drafts; the public, approved ones.
  const visible = revisions.filter((r) =>
    user ? Boolean(r.submittedAt) || r.authorId === user.id : approvedIds.has(r.id),
  );
  if (visible.length === 0) notFound();

  const last = visible.at(-1)!.revisionNo;
  const b = revNo(query.b) ?? last;
  const a = revNo(query.a) ?? (visible.length > 1 ? visible.at(-2)!.revisionNo : null);
  const pick = (n: number | null) => (n == null ? undefined : visible.find((r) => r.revisionNo === n));
  const ra = pick(a);
  const rb = pick(b);
  const [revA, revB] = await Promise.all([ra ? getRevision(db, ra.id) : null, rb ? getRevision(db, rb.id) : null]);
  const diffs = revB ? diffFindings(revA ? revisionToContent(revA) : null, revisionToContent(revB)) : [];
  const canEdit = user && hasRole(user.role, 'curator') && (finding.status !== 'rejected' || user.role === 'admin');

  return (
    <article aria-labelledby="history-title">
      <h1 id="history-title">
        History of <Link href={`/findings/${finding.publicId}`}>{finding.publicId}</Link>
      </h1>
      <table className="data-table" data-testid="history">
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Author</th>
            <th scope="col">Time</th>
            <th scope="col">State</th>
            <th scope="col">Change summary</th>
            {canEdit && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {visible.map((r) => {
            const ds = decisions.filter((d) => d.revisionId === r.id);
            const state = !r.submittedAt
              ? 'draft'
              : r.id === finding.approvedRevisionId
                ? 'approved (current)'
                : ds.length
                  ? ds.map((d) => d.decision.replace('_', ' ')).join(', ')
                  : r.id === finding.latestRevisionId
                    ? 'submitted'
                    : 'superseded';
            return (
              <tr key={r.id} data-testid="history-row">
                <td>{r.revisionNo}</td>
                <td>{r.authorName}</td>
                <td>
                  <time dateTime={(r.submittedAt ?? r.createdAt).toISOString()}>
                    {(r.submittedAt ?? r.createdAt).toISOString().replace('T', ' ').slice(0, 16)}
                  </time>
                </td>
                <td>{state}</td>
                <td>{r.changeSummary}</td>
                {canEdit && (
                  <td>
                    {r.submittedAt && r.id !== finding.latestRevisionId && (
                      <RevertButton
                        findingId={finding.id}
                        publicId={finding.publicId}
                        lockVersion={finding.lockVersion}
                        revisionNo={r.revisionNo}
                      />
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>Compare</h2>
      <form method="get" style={{ display: 'flex', gap: '0.75rem', alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <div className="field">
          <label htmlFor="cmp-a">From revision</label>
          <select id="cmp-a" name="a" defaultValue={a ?? ''}>
            {visible.map((r) => (
              <option key={r.id} value={r.revisionNo}>
                {r.revisionNo}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cmp-b">To revision</label>
          <select id="cmp-b" name="b" defaultValue={b}>
            {visible.map((r) => (
              <option key={r.id} value={r.revisionNo}>
                {r.revisionNo}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn">
          Compare
        </button>
      </form>
      <p className="muted">
        {revA
          ? `Changes from revision ${revA.revisionNo} to ${revB?.revisionNo}`
          : `Revision ${revB?.revisionNo} in full`}
      </p>
      <RevisionDiff diffs={diffs} />
    </article>
  );
}
