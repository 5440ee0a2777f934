'use client';

import Link from 'next/link';
import {
  createSortedRowModel,
  FlexRender,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
} from '@tanstack/react-table';

export type FindingTableRow = {
  publicId: string;
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
};

// Registered at module scope, as table v9 expects.
const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text },
});

const columns: ColumnDef<typeof features, FindingTableRow>[] = [
  {
    accessorKey: 'publicId',
    header: 'ID',
    cell: (info) => <Link href={`/findings/${info.getValue<string>()}`}>{info.getValue<string>()}</Link>,
  },
  { accessorKey: 'targetOrgan', header: 'Target organ' },
  { accessorKey: 'species', header: 'Species' },
  { accessorKey: 'evSource', header: 'EV source' },
  { accessorKey: 'cargo', header: 'EV cargo', cell: (info) => info.getValue<string>() || <span className="muted">not identified</span> },
  { accessorKey: 'recipientCell', header: 'Recipient cell' },
  { accessorKey: 'modelDisease', header: 'Model / disease' },
  { accessorKey: 'result', header: 'Result' },
  {
    accessorKey: 'reference',
    header: 'Reference',
    cell: (info) => <Link href={`/sources/${info.row.original.doi}`}>{info.getValue<string>()}</Link>,
  },
];

export function FindingsTable({ rows }: { rows: FindingTableRow[] }) {
  const table = useTable({
    features,
    columns,
    data: rows,
  });

  if (rows.length === 0) return <p className="empty">No approved findings yet.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" aria-describedby="findings-caption">
        <caption id="findings-caption" className="visually-hidden">
          Approved findings; column headers sort the table.
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    <button type="button" onClick={header.column.getToggleSortingHandler()}>
                      <FlexRender header={header} />
                      <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="finding-row">
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
