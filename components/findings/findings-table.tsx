'use client';

import Link from 'next/link';
import { useState } from 'react';
import { columnVisibilityFeature, tableFeatures, useTable, type ColumnDef } from '@tanstack/react-table';
import { type FindingColumn, FindingList } from './finding-list';

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

type Key = Exclude<keyof FindingTableRow, 'year'>;

// Registered at module scope, as table v9 expects. Sorting happens in the database (keyset), not here.
const features = tableFeatures({ columnVisibilityFeature });

/** Server-side sort keys, by column. */
const SORT_KEYS: Record<string, string> = { targetOrgan: 'organ', species: 'species', reference: 'year', doi: 'doi' };

const text = (id: Key, header: string): FindingColumn<FindingTableRow> => ({ id, header, cell: (r) => r[id] });

const BROWSE_COLUMNS: FindingColumn<FindingTableRow>[] = [
  { id: 'publicId', header: 'ID', cell: (r) => <Link href={`/findings/${r.publicId}`}>{r.publicId}</Link> },
  text('targetOrgan', 'Target organ'),
  text('species', 'Species'),
  text('evSource', 'EV source'),
  { id: 'cargo', header: 'EV cargo', cell: (r) => r.cargo || <span className="muted">not identified</span> },
  text('recipientCell', 'Recipient cell'),
  text('modelDisease', 'Model / disease'),
  text('result', 'Result'),
  { id: 'reference', header: 'Reference', cell: (r) => <Link href={`/sources/${r.doi}`}>{r.reference}</Link> },
  text('doi', 'DOI'),
  text('direction', 'Direction'),
  text('origin', 'Donor organ'),
  text('studyType', 'Study type'),
  text('effect', 'Effect'),
  text('status', 'Status'),
];

// The table library owns which columns are visible; the cells are rendered by FindingList.
const visibilityColumns: ColumnDef<typeof features, FindingTableRow>[] = BROWSE_COLUMNS.map((c) => ({
  id: c.id,
  header: c.header,
}));

const DEFAULT_HIDDEN = { doi: false, direction: false, origin: false, studyType: false, effect: false, status: false };

type Props = {
  rows: FindingTableRow[];
  /** URL per sortable column that sorts by it (toggling the direction when already sorted). */
  sortLinks: Record<string, string>;
  sort: { key: string; dir: 'asc' | 'desc' };
  showStatus: boolean;
};

/** The browse table: a column picker over FindingList, with header links that sort the whole result. */
export function FindingsTable({ rows, sortLinks, sort, showStatus }: Props) {
  const [columnVisibility, setColumnVisibility] = useState<Record<string, boolean>>({
    ...DEFAULT_HIDDEN,
    status: showStatus,
  });
  const table = useTable({
    features,
    columns: visibilityColumns,
    data: rows,
    state: { columnVisibility },
    onColumnVisibilityChange: setColumnVisibility,
  });
  const visible = new Set(table.getVisibleLeafColumns().map((c) => c.id));
  const columns = BROWSE_COLUMNS.filter((c) => visible.has(c.id)).map((c) => {
    const key = SORT_KEYS[c.id];
    if (!key) return c;
    return { ...c, sort: { href: sortLinks[c.id] ?? '#', active: sort.key === key ? sort.dir : null } };
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
      <FindingList
        rows={rows}
        columns={columns}
        rowKey={(r) => r.publicId}
        empty="No findings match these filters."
        caption="Findings; sortable column headers are links that sort the whole result."
      />
    </>
  );
}
