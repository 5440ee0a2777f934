import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/server/session';
import { getDb } from '@/db';
import { listComments } from '@/db/queries/discussion';
import { getReviewItem } from '@/db/queries/review';
import { getSettings } from '@/db/queries/settings';
import { Comments } from '@/components/discussion/comments';
import { FindingFields } from '@/components/findings/finding-fields';
import { RevisionDiff } from '@/components/findings/revision-diff';
import { DecisionForm } from '@/components/review/decision-form';
import { DecisionsSoFar, SourceAndEvidence } from '@/components/review/review-sections';
import { diffFindings } from '@/lib/finding/diff';
import { evidenceInText } from '@/server/evidence-view';
import { revisionToContent } from '@/lib/finding/from-row';
import { parsePublicId } from '@/lib/finding/public-id';
import { Alert } from '@/components/ui/alert';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/review/[id]'>): Promise<Metadata> {
  return { title: `Review ${(await params).id}` };
}

export default async function ReviewPage({ params }: PageProps<'/review/[id]'>) {
  const raw = (await params).id;
  const me = await requireRole('reviewer', `/review/${raw}`);
  const publicId = parsePublicId(raw);
  if (!publicId) notFound();
  const db = await getDb();
  const item = await getReviewItem(db, publicId);
  if (!item || !item.latest.submittedAt) notFound();
  const { finding, latest, approved, source, authorName, decisions } = item;
  const [comments, settings, evidence] = await Promise.all([
    listComments(db, finding.id),
    getSettings(db),
    evidenceInText(db, { viewer: me, publicRead: false }, source.id, latest),
  ]);
  const awaiting = finding.status === 'submitted';
  const diffs = approved ? diffFindings(revisionToContent(approved), revisionToContent(latest)) : [];

  return (
    <article aria-labelledby="review-title">
      <h1 id="review-title">
        Review <Link href={`/findings/${finding.publicId}`}>{finding.publicId}</Link>, revision {latest.revisionNo}
      </h1>
      <p>
        Submitted by {authorName}
        {latest.submittedAt && ` on ${latest.submittedAt.toISOString().slice(0, 10)}`}. Change summary: “
        {latest.changeSummary}”.{' '}
        <span className={`status status-${finding.status}`} data-testid="review-status">
          {finding.status.replace('_', ' ')}
        </span>
      </p>

      <SourceAndEvidence source={source} revision={latest} evidence={evidence} />

      {approved ? (
        <>
          <h2>Changes against the approved revision {approved.revisionNo}</h2>
          <RevisionDiff diffs={diffs} />
        </>
      ) : (
        <>
          <h2>New finding: the full record</h2>
          <FindingFields revision={latest} />
        </>
      )}

      <DecisionsSoFar decisions={decisions} approvalsRequired={settings.approvalsRequired} />
      {awaiting ? (
        <DecisionForm
          findingId={finding.id}
          publicId={finding.publicId}
          revisionNo={latest.revisionNo}
          lockVersion={finding.lockVersion}
          isAuthor={latest.authorId === me.id}
          decidedByMe={decisions.some((d) => d.reviewerId === me.id)}
        />
      ) : (
        <Alert tone="ok" as="p">
          This revision is no longer awaiting review ({finding.status.replace('_', ' ')}).
        </Alert>
      )}

      <Comments findingId={finding.id} comments={comments} canComment />
    </article>
  );
}
