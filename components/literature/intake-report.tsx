import Link from 'next/link';
import type { IntakeRowReport } from '@/lib/intake/types';

export type IntakeCounts = { records: number; added: number; duplicates: number; versions: number; known: number };
export type IntakeAnswer = {
  batchId: number;
  format: string;
  counts: IntakeCounts;
  report: IntakeRowReport[];
  notices: string[];
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Records left to screen: everything read, less what was merged into another record or a source. */
export const toScreen = (c: IntakeCounts) => c.records - c.duplicates - c.versions - c.known;

/** Problems first (refused rows, then warnings), then the rows read cleanly, each group in file order. */
function ordered(report: IntakeRowReport[]): IntakeRowReport[] {
  const rank = (r: IntakeRowReport) => (!r.ok ? 0 : r.message ? 1 : 2);
  return [...report].sort((a, b) => rank(a) - rank(b) || a.row - b.row);
}

function IntakeSummary({ answer }: { answer: IntakeAnswer }) {
  const c = answer.counts;
  const items: [string, number, string][] = [
    ['records', c.records, 'Records read'],
    ['added', c.added, 'Added'],
    ['duplicates', c.duplicates, 'Duplicates'],
    ['versions', c.versions, 'Versions (preprint ↔ published)'],
    ['known', c.known, 'Already sources'],
  ];
  return (
    <>
      <p data-testid="intake-to-screen">
        <strong>{plural(toScreen(c), 'record')} to screen</strong> from this file.{' '}
        <Link href="/literature/screen">Screen now</Link> ·{' '}
        <Link href={`/literature?batch=${answer.batchId}`}>This file’s flow</Link>
      </p>
      <dl className="intake-counts" data-testid="intake-counts">
        {items.map(([key, n, label]) => (
          <div key={key} data-count={key}>
            <dt>{label}</dt>
            <dd>{n.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** The upload's answer: the counts, file notices, and the row-by-row report with problems first. */
export function IntakeReport({ answer }: { answer: IntakeAnswer }) {
  const rows = ordered(answer.report);
  const problems = answer.report.filter((r) => !r.ok || r.message).length;
  return (
    <div className="stack">
      <IntakeSummary answer={answer} />
      {answer.notices.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <table className="table" data-testid="intake-report">
        <caption>
          Row by row: {plural(answer.report.length, 'row')}, {plural(problems, 'with a problem', 'with problems')}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Result</th>
            <th scope="col">Title</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-testid="intake-row" data-ok={r.ok}>
              <td>{r.row}</td>
              <td>{!r.ok ? 'Refused' : r.message ? 'Warning' : 'Read'}</td>
              <td>{r.title ?? ''}</td>
              <td>{r.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
