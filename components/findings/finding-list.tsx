import Link from 'next/link';
import type { ReactNode } from 'react';

/** One column of a findings list: its id (the cell's data-col), header and cell. */
export type FindingColumn<R> = {
  id: string;
  header: string;
  cell: (row: R) => ReactNode;
  /** A header that links to the whole result sorted by this column; `active` is the current direction. */
  sort?: { href: string; active: 'asc' | 'desc' | null };
};

type Props<R> = {
  rows: readonly R[];
  columns: readonly FindingColumn<R>[];
  rowKey: (row: R) => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  caption?: string;
  testId?: string;
  rowTestId?: string;
};

function HeaderCell<R>({ column: c }: { column: FindingColumn<R> }) {
  if (!c.sort) return <th scope="col">{c.header}</th>;
  const { href, active } = c.sort;
  return (
    <th scope="col" aria-sort={active ? (active === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link href={href} data-testid={`sort-${c.id}`}>
        {c.header}
        <span aria-hidden="true">{active ? (active === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </Link>
    </th>
  );
}

/**
 * The table every findings list uses (browse, My work, the review queue, a source's findings).
 * No hooks, so a server page renders it with its own cells; the browse table wraps it with a column picker.
 */
export function FindingList<R>({ rows, columns, rowKey, empty, caption, testId, rowTestId = 'finding-row' }: Props<R>) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={testId}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <HeaderCell key={c.id} column={c} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((c) => (
                <td key={c.id} data-col={c.id}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
