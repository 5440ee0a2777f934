'use client';

import Link from 'next/link';
import { useState } from 'react';
import { columnVisibilityFeature, FlexRender, tableFeatures, useTable, type ColumnDef } from '@tanstack/react-table';

export type FindingTableRow = {
  publicId: string;
  status: string;
  targetOrgan: string;
  species: string;
  evSource: string;
  cargo: string;
  recipientCell: string;
  modelDisease: string;
  result: string;
  reference: string;
  doi: string;
  year: number | null;
  direction: string;
  origin: string;
  studyType: string;
  effect: string;
};

// Registered at module scope, as table v9 expects. Sorting happens in the database (keyset), not here.
const features = tableFeatures({ columnVisibilityFeature });

/** Server-side sort keys, by column. */
const SORT_KEYS: Record<string, string> = { targetOrgan: 'organ', species: 'species', reference: 'year', doi: 'doi' };

const columns: ColumnDef<typeof features, FindingTableRow>[] = [
  {
    accessorKey: 'publicId',
    header: 'ID',
    cell: (i) => <Link href={`/findings/${i.getValue<string>()}`}>{i.getValue<string>()}</Link>,
  },
  { accessorKey: 'targetOrgan', header: 'Target organ' },
  { accessorKey: 'species', header: 'Species' },
  { accessorKey: 'evSource', header: 'EV source' },
  {
    accessorKey: 'cargo',
    header: 'EV cargo',
    cell: (i) => i.getValue<string>() || <span className="muted">not identified</span>,
  },
  { accessorKey: 'recipientCell', header: 'Recipient cell' },
  { accessorKey: 'modelDisease', header: 'Model / disease' },
  { accessorKey: 'result', header: 'Result' },
  {
    accessorKey: 'reference',
    header: 'Reference',
    cell: (i) => <Link href={`/sources/${i.row.original.doi}`}>{i.getValue<string>()}</Link>,
  },
  { accessorKey: 'doi', header: 'DOI' },
  { accessorKey: 'direction', header: 'Direction' },
  { accessorKey: 'origin', header: 'Donor organ' },
  { accessorKey: 'studyType', header: 'Study type' },
  { accessorKey: 'effect', header: 'Effect' },
  { accessorKey: 'status', header: 'Status' },
];

const DEFAULT_HIDDEN = { doi: false, direction: false, origin: false, studyType: false, effect: false, status: false };

export function FindingsTable({
  rows,
  sortLinks,
  sort,
  showStatus,
}: {
  rows: FindingTableRow[];
  /** URL per sortable column that sorts by it (toggling the direction when already sorted). */
  sortLinks: Record<string, string>;
  sort: { key: string; dir: 'asc' | 'desc' };
  showStatus: boolean;
}) {
  const [columnVisibility, setColumnVisibility] = useState<Record<string, boolean>>({
    ...DEFAULT_HIDDEN,
    status: showStatus,
  });
  const table = useTable({
    features,
    columns,
    data: rows,
    state: { columnVisibility },
    onColumnVisibilityChange: setColumnVisibility,
  });

  return (
    <>
      <details className="columns-picker">
        <summary>Columns</summary>
        <fieldset>
          <legend className="visually-hidden">Visible columns</legend>
          {table.getAllLeafColumns().map((col) => (
            <label key={col.id} style={{ marginRight: '0.75rem', fontWeight: 400 }}>
              <input type="checkbox" checked={col.getIsVisible()} onChange={col.getToggleVisibilityHandler()} />{' '}
              {String(col.columnDef.header)}
            </label>
          ))}
        </fieldset>
      </details>
      {rows.length === 0 ? (
        <p className="empty">No findings match these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">
              Findings; sortable column headers are links that sort the whole result.
            </caption>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const key = SORT_KEYS[header.column.id];
                    const active = key && sort.key === key;
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                      >
                        {key ? (
                          <Link href={sortLinks[header.column.id] ?? '#'} data-testid={`sort-${header.column.id}`}>
                            <FlexRender header={header} />
                            <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                          </Link>
                        ) : (
                          <FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} data-testid="finding-row">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} data-col={cell.column.id}>
                      <FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
