import { DIRECTIONS, type Direction } from '@/lib/vocab/terms';
import { DIRECTION_STYLE } from './direction-style';
import styles from './map.module.css';

function Swatch({ direction }: { direction: Direction }) {
  const s = DIRECTION_STYLE[direction];
  return (
    <svg width="40" height="14" viewBox="0 0 40 14" aria-hidden="true" focusable="false">
      <path d="M2 7 H28" stroke={s.colour} strokeWidth={4} strokeDasharray={s.dash ? '6 3' : undefined} />
      <polygon points="38 7, 27 1, 27 13" fill={s.colour} />
    </svg>
  );
}

/** What the colours, arrows, widths and numbers mean; only the directions drawn are listed. */
export function MapLegend({ directions }: { directions: Direction[] }) {
  const shown = DIRECTIONS.list.filter((d) => directions.includes(d.value));
  return (
    <ul className={styles.legend} aria-label="Legend" data-testid="map-legend">
      {shown.map((d) => (
        <li key={d.value}>
          <Swatch direction={d.value} /> {d.label}
        </li>
      ))}
      <li>Arrow: direction of EV transfer, from donor to target organ</li>
      <li>Line width and number: approved findings</li>
    </ul>
  );
}
