import type { listRecentSearchRuns, listSavedSearches } from '@/db/queries/saved-searches';
import { RunSearchButton } from './run-search-button';

export type SavedSearchRow = Awaited<ReturnType<typeof listSavedSearches>>[number];
export type SearchRunRow = Awaited<ReturnType<typeof listRecentSearchRuns>>[number];

const utc = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never');

function windowOf(s: SavedSearchRow) {
  if (!s.fromDate && !s.toDate) return 'any date';
  return `${s.fromDate ?? '…'} to ${s.toDate ?? '…'}`;
}

function Runs({ runs }: { runs: SearchRunRow[] }) {
  if (runs.length === 0) return <span className="muted">No runs yet.</span>;
  return (
    <ul data-testid="search-runs">
      {runs.map((r) => (
        <li key={r.id} data-testid="search-run" data-status={r.status}>
          <time dateTime={r.startedAt.toISOString()}>{utc(r.startedAt)}</time> ({r.trigger}):{' '}
          <strong>{r.status}</strong>
          {r.status === 'ok' && ` — found ${r.found}, added ${r.added}`}
          {r.message && <span className="muted"> — {r.message}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Every saved search with its window, schedule, last run, its newest runs and a Run now button. */
export function SavedSearchesTable({ searches, runs }: { searches: SavedSearchRow[]; runs: SearchRunRow[] }) {
  if (searches.length === 0) return <p className="empty">No saved searches yet. Create one below.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="saved-searches">
        <thead>
          <tr>
            <th scope="col">Search</th>
            <th scope="col">Window and schedule</th>
            <th scope="col">Recent runs</th>
            <th scope="col">Run</th>
          </tr>
        </thead>
        <tbody>
          {searches.map((s) => (
            <tr key={s.id} data-testid="saved-search" data-search-name={s.name}>
              <th scope="row">
                {s.name}
                <br />
                <code>{s.query}</code>
                <br />
                <span className="muted">by {s.createdBy}</span>
              </th>
              <td>
                {windowOf(s)}
                <br />
                {s.schedule}
                <br />
                <span className="muted">last run {utc(s.lastRunAt)}</span>
              </td>
              <td>
                <Runs runs={runs.filter((r) => r.searchId === s.id).slice(0, 3)} />
              </td>
              <td>
                <RunSearchButton searchId={s.id} name={s.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
