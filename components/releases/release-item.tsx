import Link from 'next/link';
import { RELEASE_FILES, releaseCitation, releaseFileNames, releaseFileUrl } from '@/lib/export/release';

export type ReleaseItemData = {
  tag: string;
  notes: string;
  createdAt: Date;
  createdBy: string;
  findingCount: number;
  sourceCount: number;
  checksum: string;
  files: { format: string; bytes: number }[];
};

function size(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One release: what it holds, its checksum, its files and how to cite it. */
/** On the list the title links to the release's page; on that page it is the page's h1. */
export function ReleaseItem({
  release: r,
  origin,
  standalone = false,
}: {
  release: ReleaseItemData;
  origin: string;
  standalone?: boolean;
}) {
  const Heading = standalone ? 'h1' : 'h2';
  const headingId = `release-${r.tag.replaceAll('.', '-')}`;
  return (
    <article
      className="card"
      style={{ display: 'grid', gap: '0.6rem' }}
      aria-labelledby={headingId}
      data-testid="release"
      data-tag={r.tag}
    >
      <Heading id={headingId} style={{ margin: 0 }}>
        {standalone ? `Release ${r.tag}` : <Link href={`/releases/${r.tag}`}>Release {r.tag}</Link>}
      </Heading>
      <p className="muted" style={{ margin: 0 }}>
        Cut on <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().slice(0, 10)}</time> by{' '}
        {r.createdBy} ·{' '}
        <span data-testid="release-counts">
          {r.findingCount.toLocaleString('en')} {r.findingCount === 1 ? 'finding' : 'findings'} from{' '}
          {r.sourceCount.toLocaleString('en')} {r.sourceCount === 1 ? 'source' : 'sources'}
        </span>
      </p>
      {r.notes && <p style={{ whiteSpace: 'pre-line', margin: 0 }}>{r.notes}</p>}
      <p style={{ margin: 0 }}>
        SHA-256 of findings.csv:{' '}
        <code data-testid="release-sha256" style={{ wordBreak: 'break-all' }}>
          {r.checksum}
        </code>
      </p>
      <p style={{ margin: 0 }}>
        Download:{' '}
        {releaseFileNames(r.files).map((name, i) => (
          <span key={name}>
            {i > 0 && ' · '}
            <a href={releaseFileUrl(r.tag, name)} data-testid={`release-download-${RELEASE_FILES[name].format}`}>
              {name}
            </a>{' '}
            <span className="muted">({size(r.files.find((f) => f.format === RELEASE_FILES[name].format)?.bytes)})</span>
          </span>
        ))}
      </p>
      <p style={{ margin: 0 }}>
        <strong>How to cite:</strong> <span data-testid="release-citation">{releaseCitation(r, origin)}</span>
      </p>
    </article>
  );
}
