import {
  type CrosstalkEdge,
  defaultLabel,
  edgeHref,
  edgeName,
  type LabelOf,
  type OrganTotal,
  organHref,
} from '@/lib/map/labels';
import { organOrder } from '@/lib/map/layout';
import { DIRECTIONS } from '@/lib/vocab/terms';
import styles from './map.module.css';

/** An organ's name that may wrap after "/" (Heart/Cardiovascular system), so narrow tables fit. */
function OrganName({ id, label }: { id: string; label: LabelOf }) {
  const parts = label(id).split('/');
  return parts.map((p, i) => (
    <span key={i}>
      {p}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </span>
  ));
}

type Rank = Map<string, number>;

function EdgeTable({ edges, rank, label }: { edges: CrosstalkEdge[]; rank: Rank; label: LabelOf }) {
  const sorted = [...edges].sort(
    (a, b) => b.count - a.count || rank.get(a.to)! - rank.get(b.to)! || rank.get(a.from)! - rank.get(b.from)!,
  );
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="crosstalk-table">
        <caption>Crosstalk edges: approved findings per donor and target organ</caption>
        <thead>
          <tr>
            <th scope="col">From (donor)</th>
            <th scope="col">To (target)</th>
            <th scope="col">Direction</th>
            <th scope="col" className={styles.num}>
              Findings
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((e) => (
            <tr key={`${e.from}|${e.to}|${e.direction}`}>
              <td>
                <OrganName id={e.from} label={label} />
              </td>
              <td>
                <OrganName id={e.to} label={label} />
              </td>
              <td>{DIRECTIONS.label(e.direction)}</td>
              <td className={styles.num}>
                <a href={edgeHref(e)} aria-label={edgeName(e, label)}>
                  {e.count}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrganTable({ organs, rank, label }: { organs: OrganTotal[]; rank: Rank; label: LabelOf }) {
  const organRows = [...organs].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="organ-table">
        <caption>Approved findings per organ</caption>
        <thead>
          <tr>
            <th scope="col">Organ</th>
            <th scope="col" className={styles.num}>
              As donor
            </th>
            <th scope="col" className={styles.num}>
              As target
            </th>
          </tr>
        </thead>
        <tbody>
          {organRows.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <a href={organHref(o.id)}>
                  <OrganName id={o.id} label={label} />
                </a>
              </th>
              <td className={styles.num}>{o.asOrigin}</td>
              <td className={styles.num}>{o.asTarget}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The map as tables: the same edges and organs, and the same links, for screen readers and small screens. */
export function CrosstalkTables({
  edges,
  organs,
  labels,
}: {
  edges: CrosstalkEdge[];
  organs: OrganTotal[];
  /** Organ names by id (default: the review's organ groups, and "Other"). */
  labels?: Readonly<Record<string, string>>;
}) {
  const label: LabelOf = (id) => labels?.[id] ?? defaultLabel(id);
  const rank = new Map(organOrder(edges.flatMap((e) => [e.from, e.to])).map((id, i) => [id, i]));
  return (
    <div className={styles.tables}>
      <EdgeTable edges={edges} rank={rank} label={label} />
      <OrganTable organs={organs} rank={rank} label={label} />
    </div>
  );
}
