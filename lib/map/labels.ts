/** Names, links and test ids of the crosstalk map's organs and edges. */
import { organLabel } from '../vocab/organs';
import { DIRECTIONS, type Direction } from '../vocab/terms';

/** An organ's display name, by id: the review's organ groups by default (organLabel); the map page passes term labels. */
export type LabelOf = (id: string) => string;

/** Findings whose organ is under none of the 16 organ groups, when the map groups by organ group. */
export const OTHER_ORGAN = 'other';
export const defaultLabel: LabelOf = (id) => (id === OTHER_ORGAN ? 'Other' : organLabel(id));

/** How the map groups organs: by the review's organ groups (terms roll up to theirs), or by the exact terms. */
export const MAP_GROUPINGS = ['group', 'term'] as const;
export type MapGrouping = (typeof MAP_GROUPINGS)[number];
/** The exact-term map, where the findings an "Other" node or edge stands for are drawn one by one. */
export const EXACT_TERM_MAP = '/map?group=term';

/** Approved findings whose EVs go from the `from` organ to the `to` organ, with that direction. */
export type CrosstalkEdge = { from: string; to: string; direction: Direction; count: number };

/** How many approved findings name the organ as donor (origin) and as target; a self-loop counts once in `total`. */
export type OrganTotal = { id: string; asOrigin: number; asTarget: number; total: number };

export const findingsWord = (n: number) => (n === 1 ? 'finding' : 'findings');

/** "Heart/Cardiovascular system" → "heart-cardiovascular-system". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Query values keep `:` readable (UBERON:0001474); it needs no escaping in a query string. */
const q = (v: string) => encodeURIComponent(v).replace(/%3A/gi, ':');

/** The findings table filtered to one edge (a term filter includes the terms under it). */
export function edgeHref(e: Pick<CrosstalkEdge, 'from' | 'to' | 'direction'>): string {
  if (e.from === OTHER_ORGAN || e.to === OTHER_ORGAN) return EXACT_TERM_MAP;
  return `/findings?origin=${q(e.from)}&organ=${q(e.to)}&direction=${q(e.direction)}`;
}

/** The findings table filtered to one (target) organ. */
export function organHref(id: string): string {
  if (id === OTHER_ORGAN) return EXACT_TERM_MAP;
  return `/findings?organ=${q(id)}`;
}

/** "Skeletal muscle → Bone: 9 findings" — the edge's accessible name. */
export function edgeName(e: CrosstalkEdge, label: LabelOf = defaultLabel): string {
  return `${label(e.from)} → ${label(e.to)}: ${e.count} ${findingsWord(e.count)}`;
}

export function edgeTestId(e: Pick<CrosstalkEdge, 'from' | 'to'>, label: LabelOf = defaultLabel): string {
  return `edge-${slugify(label(e.from))}-${slugify(label(e.to))}`;
}

/** Per organ: findings naming it as donor, as target, and either. From the edges alone, so no second query. */
export function organTotals(edges: readonly CrosstalkEdge[]): OrganTotal[] {
  const by = new Map<string, OrganTotal>();
  const get = (id: string) => {
    let t = by.get(id);
    if (!t) by.set(id, (t = { id, asOrigin: 0, asTarget: 0, total: 0 }));
    return t;
  };
  for (const e of edges) {
    get(e.from).asOrigin += e.count;
    get(e.to).asTarget += e.count;
    get(e.from).total += e.count;
    if (e.to !== e.from) get(e.to).total += e.count;
  }
  return [...by.values()];
}

/** A plain-language summary of the whole map, for the SVG's <desc>. */
export function describeMap(edges: readonly CrosstalkEdge[], label: LabelOf = defaultLabel): string {
  const total = edges.reduce((s, e) => s + e.count, 0);
  const lines = [...edges]
    .sort((a, b) => b.count - a.count)
    .map((e) => `${edgeName(e, label)} (${DIRECTIONS.label(e.direction)})`);
  return `${total} approved ${findingsWord(total)} of EV crosstalk, by donor and target organ. ${lines.join('; ')}.`;
}
