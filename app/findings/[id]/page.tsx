import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCurrentUser } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { getFindingByPublicId, getRevision } from '@/db/queries/findings';
import { FindingFields } from '@/components/findings/finding-fields';
import { formatCitation } from '@/lib/citation';
import { doiUrl } from '@/lib/doi';
import { hasRole } from '@/lib/auth/roles';

export const dynamic = 'force-dynamic';

const PUBLIC_ID = /^EVX-\d{6,}$/;

export async function generateMetadata({ params }: PageProps<'/findings/[id]'>): Promise<Metadata> {
  return { title: (await params).id };
}

export default async function FindingPage({ params, searchParams }: PageProps<'/findings/[id]'>) {
  const { id } = await params;
  const submitted = (await searchParams).submitted === '1';
  if (!PUBLIC_ID.test(id)) notFound();
  const db = await getDb();
  const data = await getFindingByPublicId(db, id);
  if (!data) notFound();
  const { finding, source, revisions, decisions } = data;
  const user = await getCurrentUser();
  // The public sees the approved revision; an unapproved finding only its author and reviewers.
  const canSeeUnapproved = user && (user.id === finding.createdBy || hasRole(user.role, 'reviewer'));
  const shownId = finding.approvedRevisionId ?? (canSeeUnapproved ? finding.latestRevisionId : null);
  if (!shownId) notFound();
  const revision = await getRevision(db, shownId);
  if (!revision) notFound();
  const decisionFor = (revId: number) => decisions.filter((d) => d.revisionId === revId);

  return (
    <article aria-labelledby="finding-title">
      <h1 id="finding-title">
        {finding.publicId}{' '}
        <span className={`status status-${finding.status}`} data-testid="finding-status">
          {finding.status.replace('_', ' ')}
        </span>
      </h1>
      {submitted && (
        <p className="alert alert-ok" role="status">
          Submitted for review.
        </p>
      )}
      <p className="muted">
        Showing revision {revision.revisionNo}
        {finding.approvedRevisionId === revision.id ? ' (approved)' : ' (not yet approved)'}
        {finding.approvedRevisionId && finding.latestRevisionId !== finding.approvedRevisionId && user ? ' — a newer revision is in progress' : ''}
      </p>
      <p style={{ display: 'flex', gap: '0.75rem' }}>
        {user && (finding.status !== 'rejected' || user.role === 'admin') && (
          <Link className="btn" href={`/findings/${finding.publicId}/edit`}>
            Edit
          </Link>
        )}
        <Link className="btn" href={`/findings/${finding.publicId}/history`}>
          History and compare
        </Link>
      </p>

      <h2>Source</h2>
      <p data-testid="citation">
        {formatCitation(source)}{' '}
        <a href={doiUrl(source.doi)} rel="noreferrer" data-testid="doi-link">
          https://doi.org/{source.doi}
        </a>
        {source.retracted && <strong className="field-error"> Retracted.</strong>}
      </p>
      <p>
        <Link href={`/sources/${source.doi}`}>All findings from this source</Link>
      </p>

      <h2>Finding</h2>
      <FindingFields revision={revision} />

      <h2>Revisions</h2>
      <table className="data-table" data-testid="revisions">
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Author</th>
            <th scope="col">Created</th>
            <th scope="col">State</th>
            <th scope="col">Change summary</th>
          </tr>
        </thead>
        <tbody>
          {revisions
            .filter((r) => r.submittedAt || (user && r.authorId === user.id))
            .map((r) => {
              const ds = decisionFor(r.id);
              return (
                <tr key={r.id}>
                  <td>{r.revisionNo}</td>
                  <td>{r.authorName}</td>
                  <td>
                    <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().slice(0, 10)}</time>
                  </td>
                  <td>
                    {!r.submittedAt
                      ? 'draft'
                      : ds.length
                        ? ds.map((d) => `${d.decision.replace('_', ' ')} by ${d.reviewer}`).join('; ')
                        : 'submitted'}
                  </td>
                  <td>{r.changeSummary}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </article>
  );
}
