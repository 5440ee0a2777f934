import Link from 'next/link';
import type { IncludedPaper } from '@/db/queries/assignments';
import { CURATION_STATUS_LABELS } from '@/lib/literature/assignment-schema';
import { sourcePath } from '@/lib/sources/paths';
import { AssignPaper, ClaimPaper, PaperStatus, type Person } from './paper-actions';

type Viewer = { id: number; mayAssign: boolean };

function Actions({ p, viewer, people }: { p: IncludedPaper; viewer: Viewer; people: Person[] }) {
  const mine = p.assignee?.id === viewer.id;
  return (
    <div className="stack">
      {viewer.mayAssign && <AssignPaper candidateId={p.candidateId} people={people} current={p.assignee?.id ?? null} />}
      {!p.assignee && <ClaimPaper candidateId={p.candidateId} />}
      {(mine || viewer.mayAssign) && <PaperStatus candidateId={p.candidateId} status={p.status} />}
    </div>
  );
}

/** Included papers: their source, who curates them, where that stands, and (where allowed) the controls. */
export function PapersTable({
  papers,
  viewer,
  people,
  testId = 'papers',
  empty,
}: {
  papers: IncludedPaper[];
  viewer: Viewer;
  people: Person[];
  testId?: string;
  empty: string;
}) {
  if (papers.length === 0) return <p data-testid={`${testId}-empty`}>{empty}</p>;
  return (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Paper</th>
          <th scope="col">Source</th>
          <th scope="col">Assigned to</th>
          <th scope="col">Status</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {papers.map((p) => (
          <tr key={p.candidateId} data-testid="paper-row">
            <td>
              {p.title}
              {p.year ? ` (${p.year})` : ''}
            </td>
            <td>
              <Link href={sourcePath(p.doi)}>{p.doi}</Link>
            </td>
            <td data-testid="paper-assignee">{p.assignee ? p.assignee.name : 'Nobody yet'}</td>
            <td data-testid="paper-status">{CURATION_STATUS_LABELS[p.status]}</td>
            <td>
              <Actions p={p} viewer={viewer} people={people} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
