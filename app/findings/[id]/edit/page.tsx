import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRole } from '@/server/session';
import { getDb } from '@/db';
import { parsePublicId } from '@/lib/finding/public-id';
import { getEditState } from '@/db/queries/my-work';
import { getReviewItem } from '@/db/queries/review';
import { listFindingsOnSource } from '@/db/queries/findings';
import { getUserById } from '@/db/queries/users';
import { FindingForm } from '@/components/findings/form/finding-form';
import { termLabelsOf } from '@/components/findings/form/initial';
import { toFormValues } from '@/components/findings/form/types';
import { revisionToContent } from '@/lib/finding/from-row';
import type { FindingDraft } from '@/lib/finding/schema';
import { readerPrefill } from '@/server/evidence-prefill';
import { formatCitation } from '@/lib/citation';
import { Alert } from '@/components/ui/alert';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/findings/[id]/edit'>): Promise<Metadata> {
  return { title: `Edit ${(await params).id}` };
}

export default async function EditFindingPage({ params, searchParams }: PageProps<'/findings/[id]/edit'>) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const user = await requireRole('curator', `/findings/${id}/edit`);
  const db = await getDb();
  const state = parsePublicId(id) ? await getEditState(db, id) : null;
  if (!state) notFound();
  const { finding, latest, source } = state;
  const isMyDraft = !latest.submittedAt && latest.authorId === user.id;

  let blocked: string | null = null;
  if (!latest.submittedAt && !isMyDraft) {
    // Someone else's draft is private to them.
    const author = await getUserById(db, latest.authorId);
    blocked = `${author?.name ?? 'Another curator'} is drafting a new revision of this finding. You can edit it again once they submit it.`;
    if (!finding.approvedRevisionId && finding.latestRevisionId === latest.id && latest.revisionNo === 1) notFound();
  } else if (latest.submittedAt && finding.status === 'submitted' && latest.authorId !== user.id) {
    blocked = 'This finding is awaiting review. Comment on it instead, or edit it once it has been decided.';
  } else if (finding.status === 'rejected' && user.role !== 'admin') {
    blocked = 'This finding was rejected; only an admin may reopen it.';
  }

  const base = revisionToContent(latest) as FindingDraft;
  const prefill = blocked ? null : await readerPrefill(db, source.id, base, query);
  const siblings = (await listFindingsOnSource(db, source.id, user.id)).filter((s) => s.id !== finding.id);
  const requested =
    finding.status === 'changes_requested'
      ? ((await getReviewItem(db, finding.publicId))?.decisions.filter((d) => d.decision !== 'approve') ?? [])
      : [];
  return (
    <section aria-labelledby="edit-title">
      <h1 id="edit-title">
        Edit <Link href={`/findings/${finding.publicId}`}>{finding.publicId}</Link>
      </h1>
      {requested.length > 0 && (
        <Alert role="status" testId="requested-changes">
          <strong>Changes requested:</strong>
          <ul>
            {requested.map((d) => (
              <li key={d.reviewerId}>
                {d.reviewer}: “{d.comment}”
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {blocked ? (
        <Alert as="p">{blocked}</Alert>
      ) : (
        <FindingForm
          source={{ id: source.id, doi: source.doi, citation: formatCitation(source) }}
          findingId={finding.id}
          publicId={finding.publicId}
          lockVersion={finding.lockVersion}
          initial={toFormValues({ ...base, ...prefill?.values }, isMyDraft ? latest.changeSummary : '')}
          prefill={prefill ? { ...prefill, changed: Object.keys(prefill.values).length > 0 } : undefined}
          siblings={siblings.map((s) => ({ publicId: s.publicId, label: `${s.organ}: ${s.result}` }))}
          startsNewRevision={!isMyDraft}
          termLabels={{ ...termLabelsOf(latest), ...prefill?.labels }}
        />
      )}
    </section>
  );
}
