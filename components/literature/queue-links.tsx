import Link from 'next/link';
import type { QueueCounts } from '@/db/queries/literature-stats';

/** The screening pages, each with what waits there for the viewer. */
export function QueueLinks({ counts }: { counts: QueueCounts }) {
  const links: [string, string, number, string][] = [
    ['/literature/screen', 'Screen records', counts.toScreen, 'to screen'],
    ['/literature/conflicts', 'Resolve conflicts', counts.conflicts, 'waiting'],
    ['/literature/duplicates', 'Review merged duplicates', counts.merged, 'merged'],
  ];
  return (
    <ul data-testid="queue-links">
      {links.map(([href, label, n, what]) => (
        <li key={href}>
          <Link href={href}>{label}</Link>{' '}
          <span data-testid={`queue-${href.split('/').pop()}`}>
            ({n.toLocaleString('en')} {what})
          </span>
        </li>
      ))}
      <li>
        <Link href="/literature/papers">Included papers and assignments</Link>
      </li>
    </ul>
  );
}
