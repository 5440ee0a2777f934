import type { RevisionRowView } from '@/components/findings/revisions-table';
import type { getFindingByPublicId } from '@/db/queries/findings';
import { canSeeRevision, canSeeWorkflow, everApprovedRevisionIds, type ReadContext } from '@/lib/policy/read';

export type FindingData = NonNullable<Awaited<ReturnType<typeof getFindingByPublicId>>>;

type Revision = FindingData['revisions'][number];

/**
 * What a revision's State column says. The public learns only that it is (or was) the approved one;
 * signed-in users see the workflow — `detailed` adds who decided and their comment (finding page).
 */
export function revisionState(data: FindingData, r: Revision, workflow: boolean, detailed: boolean): string {
  const { finding, decisions } = data;
  const current = r.id === finding.approvedRevisionId;
  if (!workflow) return current ? 'approved (current)' : 'approved (superseded)';
  if (!r.submittedAt) return 'draft';
  const ds = decisions.filter((d) => d.revisionId === r.id);
  if (detailed && ds.length)
    return ds
      .map((d) => `${d.decision.replace('_', ' ')} by ${d.reviewer}${d.comment ? `: “${d.comment}”` : ''}`)
      .join('; ');
  if (current) return 'approved (current)';
  if (ds.length) return ds.map((d) => d.decision.replace('_', ' ')).join(', ');
  return r.id === finding.latestRevisionId ? 'submitted' : 'superseded';
}

/** A finding's revisions the viewer may see (the read policy), oldest first. */
export function visibleRevisions(data: FindingData, policy: ReadContext): Revision[] {
  const published = everApprovedRevisionIds(data.finding, data.revisions, data.publishedRevisionNos);
  return data.revisions.filter((r) => canSeeRevision(policy, data.finding, r, published.has(r.id)));
}

/**
 * The revisions table of a finding page, through the read policy: the public sees the approved
 * revisions (no decisions); signed-in users every submitted revision with its decisions and their
 * comments, and their own drafts.
 */
export function visibleRevisionRows(data: FindingData, policy: ReadContext): RevisionRowView[] {
  const workflow = canSeeWorkflow(policy);
  return visibleRevisions(data, policy).map((r) => ({ ...r, state: revisionState(data, r, workflow, true) }));
}
