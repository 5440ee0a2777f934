import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Comments } from '@/components/discussion/comments';
import { Flags } from '@/components/discussion/flags';
import { EvidenceInTextView } from '@/components/findings/evidence-in-text';
import { evidenceInText } from '@/server/evidence-view';
import { FindingFields } from '@/components/findings/finding-fields';
import { RevisionsTable } from '@/components/findings/revisions-table';
import { ReopenButton } from '@/components/review/reopen-button';
import { getDb } from '@/db';
import { listComments, listFlags } from '@/db/queries/discussion';
import { getFindingByPublicId, getRevision } from '@/db/queries/findings';
import { hasRole } from '@/lib/auth/roles';
import { formatCitation } from '@/lib/citation';
import { doiUrl } from '@/lib/doi';
import { parsePublicId } from '@/lib/finding/public-id';
import { canSeeWorkflow, shownRevisionId, visibleStatus } from '@/lib/policy/read';
import { type PageReadContext, requireDatasetReader } from '@/server/read-policy';
import { visibleRevisionRows } from '@/components/findings/revision-rows';
import { Alert } from '@/components/ui/alert';
import { RetractionBanner } from '@/components/literature/retraction-banner';
import { OverrideSection } from '@/components/literature/override-section';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/findings/[id]'>): Promise<Metadata> {
  return { title: (await params).id };
}

type FindingData = NonNullable<Awaited<ReturnType<typeof getFindingByPublicId>>>;

async function load(rawId: string, policy: PageReadContext) {
  const publicId = parsePublicId(rawId);
  const db = await getDb();
  const data = publicId ? await getFindingByPublicId(db, publicId) : undefined;
  if (!data) notFound();
  const latest = data.finding.latestRevisionId ? await getRevision(db, data.finding.latestRevisionId) : undefined;
  const shownId = shownRevisionId(policy, data.finding, latest);
  const revision = shownId === null ? undefined : shownId === latest?.id ? latest : await getRevision(db, shownId);
  if (!revision) notFound();
  return { data, latest, revision };
}

function Heading({ data, policy, openFlags }: { data: FindingData; policy: PageReadContext; openFlags: number }) {
  const { finding } = data;
  const badge = visibleStatus(policy, finding);
  const pending = finding.approvedRevisionId != null && finding.latestRevisionId !== finding.approvedRevisionId;
  return (
    <h1 id="finding-title">
      {finding.publicId}{' '}
      <span className={`status status-${badge}`} data-testid="finding-status">
        {pending && canSeeWorkflow(policy)
          ? `approved · new revision ${badge.replace('_', ' ')}`
          : badge.replace('_', ' ')}
      </span>
      {openFlags > 0 && (
        <span className="status status-changes_requested" data-testid="open-flags" style={{ marginLeft: '0.5rem' }}>
          {openFlags} open flag{openFlags === 1 ? '' : 's'}
        </span>
      )}
    </h1>
  );
}

function Actions({ data, policy, latestNo }: { data: FindingData; policy: PageReadContext; latestNo?: number }) {
  const { finding } = data;
  const user = policy.user;
  return (
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
          Review revision {latestNo}
        </Link>
      )}
      {user?.role === 'admin' && finding.status === 'rejected' && (
        <ReopenButton findingId={finding.id} lockVersion={finding.lockVersion} />
      )}
    </p>
  );
}

function SourceSection({ source }: { source: FindingData['source'] }) {
  return (
    <>
      <h2>Source</h2>
      <p data-testid="citation">
        {formatCitation(source)}{' '}
        <a href={doiUrl(source.doi)} rel="noreferrer" data-testid="doi-link">
          https://doi.org/{source.doi}
        </a>
        {source.retracted && (
          <Alert inline as="span" role="none">
            {' '}
            <strong>Retracted.</strong>
          </Alert>
        )}
      </p>
      <p>
        <Link href={`/sources/${source.doi}`}>All findings from this source</Link>
      </p>
    </>
  );
}

async function Discussion({ data, policy }: { data: FindingData; policy: PageReadContext }) {
  const db = await getDb();
  const { finding } = data;
  const [comments, flagList] = await Promise.all([listComments(db, finding.id), listFlags(db, finding.id)]);
  const user = policy.user!;
  return (
    <>
      {finding.approvedRevisionId && (
        <Flags
          findingId={finding.id}
          flags={flagList.map((f) => ({
            ...f,
            createdAt: f.createdAt.toISOString(),
            resolvedAt: f.resolvedAt?.toISOString() ?? null,
          }))}
          canRaise
          canResolve={hasRole(user.role, 'reviewer')}
        />
      )}
      <Comments findingId={finding.id} comments={comments} canComment />
    </>
  );
}

export default async function FindingPage({ params, searchParams }: PageProps<'/findings/[id]'>) {
  const policy = await requireDatasetReader();
  const { data, latest, revision } = await load((await params).id, policy);
  const submitted = (await searchParams).submitted === '1';
  const { finding } = data;
  const workflow = canSeeWorkflow(policy);
  const openFlags = workflow ? (await listFlags(await getDb(), finding.id)).filter((f) => !f.resolvedAt).length : 0;
  return (
    <article aria-labelledby="finding-title">
      <Heading data={data} policy={policy} openFlags={openFlags} />
      {submitted && (
        <Alert tone="ok" as="p">
          Submitted for review.
        </Alert>
      )}
      <p className="muted">
        Showing revision {revision.revisionNo}
        {finding.approvedRevisionId === revision.id ? ' (approved)' : ' (not yet approved)'}
        {finding.approvedRevisionId && finding.latestRevisionId !== finding.approvedRevisionId && workflow
          ? ' — a newer revision is in progress'
          : ''}
      </p>
      <RetractionBanner source={data.source} findingId={finding.id} />
      <OverrideSection source={data.source} findingId={finding.id} viewerRole={policy.user?.role} />
      <Actions data={data} policy={policy} latestNo={latest?.revisionNo} />
      <SourceSection source={data.source} />
      <h2>Finding</h2>
      <FindingFields revision={revision} />
      <EvidenceInTextView
        view={await evidenceInText(await getDb(), policy, data.source.id, revision)}
        doi={data.source.doi}
      />
      <h2>Revisions</h2>
      <RevisionsTable rows={visibleRevisionRows(data, policy)} />
      {workflow && <Discussion data={data} policy={policy} />}
    </article>
  );
}
