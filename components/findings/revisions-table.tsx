/** A finding's revisions as the viewer may see them (the page filters them through the read policy). */
export type RevisionRowView = {
  id: number;
  revisionNo: number;
  authorName: string;
  createdAt: Date;
  changeSummary: string;
  state: string;
};

export function RevisionsTable({ rows }: { rows: RevisionRowView[] }) {
  return (
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
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.revisionNo}</td>
            <td>{r.authorName}</td>
            <td>
              <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().slice(0, 10)}</time>
            </td>
            <td>{r.state}</td>
            <td>{r.changeSummary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
