import Link from 'next/link';

const utc = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—');

export type JobRunRow = {
  id: number;
  job: string;
  status: string;
  summary: unknown;
  message: string;
  startedAt: Date;
  finishedAt: Date | null;
};

export type SearchRunRow = {
  id: number;
  name: string;
  trigger: string;
  status: string;
  found: number;
  added: number;
  message: string;
  startedAt: Date;
  finishedAt: Date | null;
};

function Times({ startedAt, finishedAt }: { startedAt: Date; finishedAt: Date | null }) {
  return (
    <td>
      <time dateTime={startedAt.toISOString()}>{utc(startedAt)}</time>
      <br />
      <span className="muted">
        {finishedAt ? `${Math.max(0, Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000))} s` : 'running'}
      </span>
    </td>
  );
}

/** Scheduled runs of `npm run jobs`, newest first. */
export function JobRunsTable({ runs }: { runs: JobRunRow[] }) {
  if (runs.length === 0) return <p className="empty">No job has run yet. Schedule `npm run jobs` (see the README).</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="job-runs">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-testid="job-run" data-status={r.status}>
              <th scope="row">
                {r.job} <span className="muted">#{r.id}</span>
              </th>
              <td>
                <span className={`status status-${r.status === 'failed' ? 'changes_requested' : 'approved'}`}>
                  {r.status}
                </span>
              </td>
              <Times startedAt={r.startedAt} finishedAt={r.finishedAt} />
              <td>{r.message || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Runs of saved searches, by hand or scheduled, newest first. */
export function SearchRunsTable({ runs }: { runs: SearchRunRow[] }) {
  if (runs.length === 0) return <p className="empty">No saved search has run yet.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="search-runs">
        <thead>
          <tr>
            <th scope="col">Search</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Found</th>
            <th scope="col">Added</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-testid="search-run" data-status={r.status}>
              <th scope="row">
                {r.name} <span className="muted">({r.trigger})</span>
              </th>
              <td>{r.status}</td>
              <Times startedAt={r.startedAt} finishedAt={r.finishedAt} />
              <td>{r.found.toLocaleString('en')}</td>
              <td>{r.added.toLocaleString('en')}</td>
              <td>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const JobsHelp = () => (
  <p className="muted">
    Scheduled work runs as <code>npm run jobs</code> from cron or a systemd timer: saved searches whose schedule is due,
    and the Crossref retraction check of sources not checked for 7 days. Failures are listed here; see also the{' '}
    <Link href="/admin/audit">audit log</Link>.
  </p>
);
