import { RevertButton } from '@/components/findings/revert-button';
import type { getFindingByPublicId } from '@/db/queries/findings';

type FindingData = NonNullable<Awaited<ReturnType<typeof getFindingByPublicId>>>;

/**
 * A finding's revisions on its history page. The rows come filtered by the read policy; `workflow`
 * says whether the viewer may see decisions (signed in) or only that a revision was approved.
 */
export function HistoryTable({
  finding,
  rows,
  decisions,
  workflow,
  canEdit,
}: {
  finding: FindingData['finding'];
  rows: FindingData['revisions'];
  decisions: FindingData['decisions'];
  workflow: boolean;
  canEdit: boolean;
}) {
  const visible = rows;
  return (
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
          const state = !workflow
            ? r.id === finding.approvedRevisionId
              ? 'approved (current)'
              : 'approved (superseded)'
            : !r.submittedAt
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
  );
}
