import Link from 'next/link';
import type { MapGrouping } from '@/lib/map/labels';
import styles from './map.module.css';

const CHOICES: { value: MapGrouping; label: string; href: string }[] = [
  { value: 'group', label: 'Organ group', href: '/map' },
  { value: 'term', label: 'Exact term', href: '/map?group=term' },
];

/**
 * Group by: the review's 16 organ groups (a term such as bone marrow counts under its nearest
 * group, others under "Other") or the exact anatomy terms. Plain links, so the choice is in the URL.
 */
export function MapGrouping({ current }: { current: MapGrouping }) {
  return (
    <nav aria-label="Group the map by" className={styles.grouping} data-testid="map-grouping">
      <span aria-hidden="true">Group by:</span>
      <ul>
        {CHOICES.map((c) => (
          <li key={c.value}>
            <Link href={c.href} aria-current={c.value === current ? 'page' : undefined}>
              {c.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
