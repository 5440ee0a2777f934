import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCurrentUser } from '@/app/(auth)/dal';
import { getDb } from '@/db';
import { getFindingByPublicId, getRevision } from '@/db/queries/findings';
import { Comments } from '@/components/discussion/comments';
import { Flags } from '@/components/discussion/flags';
import { FindingFields } from '@/components/findings/finding-fields';
import { ReopenButton } from '@/components/review/reopen-button';
import { listComments, listFlags } from '@/db/queries/discussion';
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
  const latest = await getRevision(db, finding.latestRevisionId!);
  // Everyone sees the approved revision. Without one: a draft only its author, a submitted one the signed-in.
  const canSeeLatest = Boolean(user && latest && (latest.submittedAt || latest.authorId === user.id));
  const shownId = finding.approvedRevisionId ?? (canSeeLatest ? finding.latestRevisionId : null);
  if (!shownId) notFound();
  const revision = shownId === latest?.id ? latest : await getRevision(db, shownId);
  if (!revision) notFound();
  const decisionFor = (revId: number) => decisions.filter((d) => d.revisionId === revId);
  const [comments, flagList] = await Promise.all([listComments(db, finding.id), listFlags(db, finding.id)]);
  const openFlags = flagList.filter((f) => !f.resolvedAt).length;
  const pending = finding.approvedRevisionId != null && finding.latestRevisionId !== finding.approvedRevisionId;
  // The public sees where the public version stands; signed-in users also see work in progress.
  const badge = !user && finding.approvedRevisionId ? 'approved' : finding.status;

  return (
    <article aria-labelledby="finding-title">
      <h1 id="finding-title">
        {finding.publicId}{' '}
        <span className={`status status-${badge}`} data-testid="finding-status">
          {pending && user ? `approved · new revision ${badge.replace('_', ' ')}` : badge.replace('_', ' ')}
        </span>
        {openFlags > 0 && (
          <span className="status status-changes_requested" data-testid="open-flags" style={{ marginLeft: '0.5rem' }}>
            {openFlags} open flag{openFlags === 1 ? '' : 's'}
          </span>
        )}
      </h1>
      {submitted && (
        <p className="alert alert-ok" role="status">
          Submitted for review.
        </p>
      )}
      <p className="muted">
        Showing revision {revision.revisionNo}
        {finding.approvedRevisionId === revision.id ? ' (approved)' : ' (not yet approved)'}
        {finding.approvedRevisionId && finding.latestRevisionId !== finding.approvedRevisionId && user
          ? ' — a newer revision is in progress'
          : ''}
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
        {user && hasRole(user.role, 'reviewer') && finding.status === 'submitted' && (
          <Link className="btn btn-primary" href={`/review/${finding.publicId}`}>
            Review revision {latest?.revisionNo}
          </Link>
        )}
        {user?.role === 'admin' && finding.status === 'rejected' && (
          <ReopenButton findingId={finding.id} lockVersion={finding.lockVersion} />
        )}
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
                        ? ds
                            .map(
                              (d) =>
                                `${d.decision.replace('_', ' ')} by ${d.reviewer}${user && d.comment ? `: “${d.comment}”` : ''}`,
                            )
                            .join('; ')
                        : 'submitted'}
                  </td>
                  <td>{r.changeSummary}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
      {finding.approvedRevisionId && (
        <Flags
          findingId={finding.id}
          flags={flagList.map((f) => ({
            ...f,
            createdAt: f.createdAt.toISOString(),
            resolvedAt: f.resolvedAt?.toISOString() ?? null,
          }))}
          canRaise={Boolean(user)}
          canResolve={Boolean(user && hasRole(user.role, 'reviewer'))}
        />
      )}
      {user ? <Comments findingId={finding.id} comments={comments} canComment /> : null}
    </article>
  );
}
