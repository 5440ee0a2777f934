import type { RevisionRowView } from '@/components/findings/revisions-table';
import type { getFindingByPublicId } from '@/db/queries/findings';
import { canSeeRevision, canSeeWorkflow, everApprovedRevisionIds, type ReadContext } from '@/lib/policy/read';

type FindingData = NonNullable<Awaited<ReturnType<typeof getFindingByPublicId>>>;

/**
 * The revisions table of a finding page, through the read policy: the public sees the approved
 * revisions (as "approved", no decisions); signed-in users every submitted revision with its
 * decisions and their comments, and their own drafts.
 */
export function visibleRevisionRows(data: FindingData, policy: ReadContext): RevisionRowView[] {
  const { finding, revisions, decisions } = data;
  const published = everApprovedRevisionIds(finding, decisions);
  const workflow = canSeeWorkflow(policy);
  return revisions
    .filter((r) => canSeeRevision(policy, finding, r, published.has(r.id)))
    .map((r) => {
      const ds = decisions.filter((d) => d.revisionId === r.id);
      const state = !workflow
        ? r.id === finding.approvedRevisionId
          ? 'approved'
          : 'approved (superseded)'
        : !r.submittedAt
          ? 'draft'
          : ds.length
            ? ds
                .map((d) => `${d.decision.replace('_', ' ')} by ${d.reviewer}${d.comment ? `: “${d.comment}”` : ''}`)
                .join('; ')
            : 'submitted';
      return { ...r, state };
    });
}
