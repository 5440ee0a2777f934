import Link from 'next/link';
import type { ObsoleteUse, ObsoleteUseField, VocabRelease } from '@/db/queries/obsolete-uses';
import { GROUNDED_FIELDS } from '@/lib/vocab/fields';
import { vocabularyById } from '@/lib/vocab/sources';
import { WORKFLOW_STATUSES } from '@/lib/vocab/terms';

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The releases this database has loaded, one row per vocabulary. */
export function VocabularyReleasesTable({ releases }: { releases: VocabRelease[] }) {
  if (releases.length === 0) return <p className="empty">No vocabulary is loaded yet: run the migrations.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="vocab-releases">
        <thead>
          <tr>
            <th scope="col">Vocabulary</th>
            <th scope="col">Loaded release</th>
            <th scope="col">Terms in the file</th>
            <th scope="col">Obsolete terms</th>
            <th scope="col">Loaded</th>
          </tr>
        </thead>
        <tbody>
          {releases.map((r) => (
            <tr key={r.vocab} data-testid="vocab-release" data-vocab={r.vocab}>
              <th scope="row">
                {vocabularyById(r.vocab)?.name ?? r.vocab} <span className="muted">({r.vocab})</span>
              </th>
              <td>
                {r.version}
                <br />
                <code className="muted" title={`SHA-256 of the file: ${r.fileSha256}`}>
                  {r.fileSha256.slice(0, 12)}
                </code>
              </td>
              <td>{r.termCount.toLocaleString('en')}</td>
              <td>{r.obsoleteCount.toLocaleString('en')}</td>
              <td>
                <time dateTime={r.loadedAt.toISOString()}>{utc(r.loadedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const FIELD_LABELS: Record<ObsoleteUseField, string> = {
  ...Object.fromEntries(
    Object.entries(GROUNDED_FIELDS).map(([k, v]) => [k, v.label[0]!.toUpperCase() + v.label.slice(1)]),
  ),
  cargo: 'Cargo',
} as Record<ObsoleteUseField, string>;

function where(u: ObsoleteUse): string {
  if (u.inLatest && u.inApproved) return 'approved and latest revision';
  return u.inApproved ? 'approved revision only' : 'latest revision only';
}

function Term({ curie, label }: { curie: string; label: string }) {
  return (
    <>
      {label} <code className="muted">{curie}</code>
    </>
  );
}

/** Each use of an obsolete term: the finding, the field, the term, its suggested replacement, and where to fix it. */
export function ObsoleteUsesTable({ uses }: { uses: ObsoleteUse[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="obsolete-uses">
        <thead>
          <tr>
            <th scope="col">Finding</th>
            <th scope="col">Field</th>
            <th scope="col">Obsolete term</th>
            <th scope="col">Suggested replacement</th>
            <th scope="col">Used in</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {uses.map((u) => (
            <tr key={`${u.findingId}:${u.field}:${u.curie}`} data-testid="obsolete-use" data-finding={u.publicId}>
              <td>
                <Link href={`/findings/${u.publicId}`}>{u.publicId}</Link>{' '}
                <span className="muted">{WORKFLOW_STATUSES.label(u.status)}</span>
              </td>
              <td>{FIELD_LABELS[u.field]}</td>
              <td>
                <Term curie={u.curie} label={u.label} />
              </td>
              <td>
                {u.replacedBy ? (
                  <Term curie={u.replacedBy.curie} label={u.replacedBy.label} />
                ) : (
                  <span className="muted">none named: choose a current term</span>
                )}
              </td>
              <td>{where(u)}</td>
              <td>
                <Link href={`/findings/${u.publicId}/edit`} aria-label={`Edit ${u.publicId}`}>
                  Edit
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
