import { RevertButton } from '@/components/findings/revert-button';
import { type FindingData, revisionState } from './revision-rows';

/**
 * A finding's revisions on its history page. `rows` come filtered by the read policy; `workflow`
 * says whether the viewer may see decisions (signed in) or only that a revision was approved.
 */
export function HistoryTable({
  data,
  rows,
  workflow,
  canEdit,
}: {
  data: FindingData;
  rows: FindingData['revisions'];
  workflow: boolean;
  canEdit: boolean;
}) {
  const { finding } = data;
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
        {rows.map((r) => {
          const at = r.submittedAt ?? r.createdAt;
          return (
            <tr key={r.id} data-testid="history-row">
              <td>{r.revisionNo}</td>
              <td>{r.authorName}</td>
              <td>
                <time dateTime={at.toISOString()}>{at.toISOString().replace('T', ' ').slice(0, 16)}</time>
              </td>
              <td>{revisionState(data, r, workflow, false)}</td>
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
