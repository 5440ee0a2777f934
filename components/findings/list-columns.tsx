import Link from 'next/link';
import type { ReactNode } from 'react';
import { When } from '@/components/ui/when';
import type { MyWorkItem } from '@/db/queries/my-work';
import type { QueueItem } from '@/db/queries/review';
import type { FindingColumn } from './finding-list';

/** The finding's id, linked to where this list's reader works on it. */
function linkColumn<R extends { publicId: string }>(
  header: string,
  href: (r: R) => string,
  label: (r: R) => ReactNode = (r) => r.publicId,
): FindingColumn<R> {
  return { id: 'publicId', header, cell: (r) => <Link href={href(r)}>{label(r)}</Link> };
}

const status = (s: string) => <span className={`status status-${s}`}>{s.replace('_', ' ')}</span>;

/** My work: drafts link to the editor, submitted revisions to the finding. */
export function workColumns(edit: boolean): FindingColumn<MyWorkItem>[] {
  return [
    linkColumn('Finding', (i) => (edit ? `/findings/${i.publicId}/edit` : `/findings/${i.publicId}`)),
    { id: 'revision', header: 'Revision', cell: (i) => i.revisionNo },
    { id: 'state', header: 'State', cell: (i) => status(i.state) },
    { id: 'result', header: 'Result', cell: (i) => i.result || <span className="muted">(no result yet)</span> },
    { id: 'summary', header: 'Change summary', cell: (i) => i.summary },
    { id: 'updatedAt', header: 'Last change', cell: (i) => <When at={i.updatedAt} /> },
  ];
}

/** The review queue, as one reviewer sees it. */
export function queueColumns(viewerId: number, approvalsRequired: number): FindingColumn<QueueItem>[] {
  return [
    linkColumn(
      'Finding',
      (i) => `/review/${i.publicId}`,
      (i) => `${i.publicId} r${i.revisionNo}`,
    ),
    { id: 'kind', header: 'Kind', cell: (i) => (i.isEdit ? 'edit of approved' : 'new finding') },
    { id: 'organ', header: 'Organ', cell: (i) => i.organ || '—' },
    { id: 'result', header: 'Result', cell: (i) => i.result },
    {
      id: 'submitter',
      header: 'Submitter',
      cell: (i) => (i.submitterId === viewerId ? `${i.submitter} (you)` : i.submitter),
    },
    { id: 'submittedAt', header: 'Submitted', cell: (i) => <When at={i.submittedAt} /> },
    {
      id: 'approvals',
      header: 'Approvals',
      cell: (i) => `${i.approvals}/${approvalsRequired}${i.decidedByMe ? ' (you decided)' : ''}`,
    },
    { id: 'openFlags', header: 'Open flags', cell: (i) => i.openFlags },
  ];
}

/** An approved finding listed on its source's page. */
export type SourceFindingRow = { publicId: string; targetOrgan: string; species: string; result: string };

export const SOURCE_FINDING_COLUMNS: FindingColumn<SourceFindingRow>[] = [
  linkColumn('ID', (f) => `/findings/${f.publicId}`),
  { id: 'targetOrgan', header: 'Target organ', cell: (f) => f.targetOrgan },
  { id: 'species', header: 'Species', cell: (f) => f.species },
  { id: 'result', header: 'Result', cell: (f) => f.result },
];
