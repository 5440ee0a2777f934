import Link from 'next/link';
import type { ImportOutcome } from '@/app/import/actions';
import type { RowReport } from '@/lib/import/types';

const STATUS_CLASS = { valid: 'status-approved', error: 'status-rejected', duplicate: 'status-submitted' } as const;

function Details({ r, createdId }: { r: RowReport; createdId?: string }) {
  if (createdId)
    return (
      <>
        Imported as <Link href={`/findings/${createdId}`}>{createdId}</Link>
      </>
    );
  if (r.status === 'valid') return <span className="muted">Ready to import</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
      {r.problems.map((p, i) => (
        <li key={i} data-testid="import-problem">
          <code>{p.field}</code>: {p.message}
        </li>
      ))}
      {r.duplicateOf.map((id) => (
        <li key={id}>
          Duplicate of <Link href={`/findings/${id}`}>{id}</Link>
        </li>
      ))}
      {r.duplicateOfRow !== null && <li>Duplicate of row {r.duplicateOfRow} in this file</li>}
    </ul>
  );
}

/** The row-by-row report of a dry run or commit. */
export function ImportReportTable({ outcome, onlyProblems }: { outcome: ImportOutcome; onlyProblems: boolean }) {
  const created = new Map(outcome.created.map((c) => [c.row, c.publicId]));
  const rows = onlyProblems ? outcome.report.rows.filter((r) => r.status !== 'valid') : outcome.report.rows;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="import-report" aria-describedby="import-summary">
        <caption className="visually-hidden">Import report, one line per row of the file</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Status</th>
            <th scope="col">Finding</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-testid="import-row" data-status={r.status}>
              <th scope="row">{r.row}</th>
              <td>
                <span className={`status ${STATUS_CLASS[r.status]}`}>{r.status}</span>
              </td>
              <td>{r.label || <span className="muted">—</span>}</td>
              <td>
                <Details r={r} createdId={created.get(r.row)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
