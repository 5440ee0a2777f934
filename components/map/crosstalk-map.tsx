import { findingsWord, organHref, slugify } from '@/lib/map/labels';
import type { MapEdge, MapLayout, MapNode } from '@/lib/map/layout';
import { DIRECTION_STYLE, MUSCLE_FILL } from './direction-style';
import styles from './map.module.css';

/**
 * The crosstalk map as server-rendered SVG: plain links, no client JS. It is a
 * group, not role="img", because an image's children are hidden from assistive
 * technology and the edges and organs here are links.
 */
export function CrosstalkMap({ layout, description }: { layout: MapLayout; description: string }) {
  const { x, y, width, height } = layout.viewBox;
  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`${x} ${y} ${width} ${height}`}
        width="100%"
        role="group"
        aria-labelledby="crosstalk-map-title"
        aria-describedby="crosstalk-map-desc"
        data-testid="crosstalk-map"
      >
        <title id="crosstalk-map-title">
          Crosstalk map: EV-mediated crosstalk between skeletal muscle and other organs
        </title>
        <desc id="crosstalk-map-desc">{description}</desc>
        {layout.edges.map((e) => (
          <Edge key={e.key} edge={e} />
        ))}
        {layout.nodes.map((n) => (
          <Organ key={n.id} node={n} />
        ))}
      </svg>
    </figure>
  );
}

function Edge({ edge: e }: { edge: MapEdge }) {
  const style = DIRECTION_STYLE[e.direction] ?? DIRECTION_STYLE.muscle_to_organ;
  const text = String(e.count);
  const pillWidth = 14 + 8.5 * text.length;
  return (
    <a href={e.href} aria-label={e.name} data-testid={e.testId} className={styles.edge}>
      <title>{e.name}</title>
      <path
        className={styles.line}
        d={e.d}
        fill="none"
        stroke={style.colour}
        strokeWidth={e.width}
        strokeDasharray={style.dash}
      />
      <polygon points={e.arrow} fill={style.colour} />
      <rect
        className={styles.pill}
        x={e.mid.x - pillWidth / 2}
        y={e.mid.y - 11}
        width={pillWidth}
        height={22}
        rx={11}
        fill="#ffffff"
        stroke={style.colour}
        strokeWidth={2}
      />
      <text
        className={styles.count}
        x={e.mid.x}
        y={e.mid.y}
        textAnchor="middle"
        dominantBaseline="central"
        aria-hidden="true"
      >
        {text}
      </text>
    </a>
  );
}

function Organ({ node: n }: { node: MapNode }) {
  const name = `${n.label}: ${n.asTarget} ${findingsWord(n.asTarget)} with this target organ`;
  return (
    <a href={organHref(n.id)} aria-label={name} className={styles.organ} data-testid={`organ-${slugify(n.label)}`}>
      <title>{name}</title>
      <circle
        cx={n.x}
        cy={n.y}
        r={n.r}
        fill={n.centre ? MUSCLE_FILL : '#eef4fb'}
        stroke={n.centre ? MUSCLE_FILL : '#57606a'}
        strokeWidth={2}
      />
      <text
        className={n.centre ? styles.centreLabel : styles.label}
        x={n.text.x}
        y={n.text.y}
        textAnchor="middle"
        fontSize={n.text.fontSize}
        aria-hidden="true"
      >
        {n.text.lines.map((line, i) => (
          <tspan key={i} x={n.text.x} dy={i === 0 ? 0 : n.text.lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    </a>
  );
}
