/**
 * Lays out the crosstalk map like Figure 1 of the review: skeletal muscle in the
 * centre, every other organ that has an edge evenly on a circle around it (in
 * the order of the ORGANS vocabulary, so the picture is stable), and one arrow
 * per edge, as wide as its number of findings. Pure: coordinates in, coordinates out.
 */
import { ORGANS, SKELETAL_MUSCLE } from '../vocab/organs';
import { type Circle, edgeBetween, type EdgeShape, type Point, polar, selfLoop } from './geometry';
import {
  type CrosstalkEdge,
  defaultLabel,
  edgeHref,
  edgeName,
  edgeTestId,
  type LabelOf,
  OTHER_ORGAN,
  organTotals,
  slugify,
} from './labels';

export type LayoutOptions = {
  /** Distance of the outer organs from the centre; grows when many organs need room. */
  radius: number;
  /** Smallest radius of skeletal muscle and of the other organs; both grow to fit their names. */
  centreRadius: number;
  nodeRadius: number;
  fontSize: number;
  centreFontSize: number;
  /** Sideways distance between the middles of two edges joining the same pair of organs. */
  parallelSpacing: number;
  margin: number;
  /** Organ names by id (default: the review's organ groups, and "Other"). */
  label?: LabelOf;
};

export const DEFAULT_LAYOUT: LayoutOptions = {
  radius: 290,
  centreRadius: 72,
  nodeRadius: 50,
  fontSize: 14,
  centreFontSize: 17,
  parallelSpacing: 34,
  margin: 8,
};

/** An organ's name inside its circle: lines centred on (x, ·), the first baseline at y. */
export type NodeText = Point & { lines: string[]; lineHeight: number; fontSize: number };

export type MapNode = Circle & {
  id: string;
  label: string;
  /** Findings naming the organ as target: what its link shows. */
  asTarget: number;
  total: number;
  centre: boolean;
  text: NodeText;
};

export type MapEdge = CrosstalkEdge &
  EdgeShape & { key: string; width: number; name: string; href: string; testId: string };

export type MapLayout = {
  viewBox: { x: number; y: number; width: number; height: number };
  nodes: MapNode[];
  edges: MapEdge[];
  maxCount: number;
};

/** Stroke width from the count: 2 at nothing, 12 at the largest edge; area-like (square root) in between. */
export function strokeWidth(count: number, maxCount: number): number {
  if (maxCount <= 0 || count <= 0) return 2;
  return Math.round((2 + 10 * Math.sqrt(Math.min(count, maxCount) / maxCount)) * 10) / 10;
}

const vocabIndex = new Map<string, number>(ORGANS.map((o, i) => [o.id, i]));

/** Organs in vocabulary order; ids outside the vocabulary after them, by id; "Other" last. */
export function organOrder(ids: Iterable<string>): string[] {
  const rank = (id: string) =>
    vocabIndex.get(id) ?? (id === OTHER_ORGAN ? Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER - 1);
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Break a label after "/" and between words, into lines of at most `max` characters where possible. */
export function wrapLabel(label: string, max = 18): string[] {
  const lines: string[] = [];
  for (const part of label.split(/(?<=\/)/)) {
    let line = '';
    for (const word of part.split(' ')) {
      if (line && line.length + 1 + word.length > max) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** Average glyph width of the UI font, as a share of its size (a safe overestimate for labels). */
const GLYPH = 0.62;

/** Lines centred on the node, the block centred vertically. */
function centredText(lines: string[], fontSize: number): Omit<NodeText, 'x'> & { x: 0 } {
  const lineHeight = Math.round(fontSize * 1.2);
  // 0.35em puts a line's x-height middle on the centre.
  return { x: 0, y: Math.round(-((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35), lines, lineHeight, fontSize };
}

/** The radius a circle needs to hold the text block: every line's box corner inside it, plus padding. */
export function radiusForText(lines: string[], fontSize: number): number {
  const lineHeight = Math.round(fontSize * 1.2);
  const h = lines.length * lineHeight;
  let r = 0;
  lines.forEach((line, i) => {
    const halfWidth = (line.length * fontSize * GLYPH) / 2;
    const farEdge = Math.max(Math.abs(-h / 2 + i * lineHeight), Math.abs(-h / 2 + (i + 1) * lineHeight));
    r = Math.max(r, Math.hypot(halfWidth, farEdge));
  });
  return Math.ceil(r + 6);
}

export function layoutCrosstalkMap(input: readonly CrosstalkEdge[], options: Partial<LayoutOptions> = {}): MapLayout {
  const o = { ...DEFAULT_LAYOUT, ...options };
  const label = o.label ?? defaultLabel;
  const edgesIn = input.filter((e) => e.count > 0);
  const totals = new Map(organTotals(edgesIn).map((t) => [t.id, t]));
  const ids = organOrder(totals.keys());
  const hasCentre = ids.includes(SKELETAL_MUSCLE);
  const outer = ids.filter((id) => id !== SKELETAL_MUSCLE);
  const loopsAt = (id: string) => edgesIn.filter((e) => e.from === id && e.to === id).length;
  const centreLoop = hasCentre && loopsAt(SKELETAL_MUSCLE) > 0;

  // Every outer organ gets the same circle, big enough for the longest name; muscle a bigger one.
  const outerLines = new Map(outer.map((id) => [id, wrapLabel(label(id), 12)]));
  const nodeRadius = Math.max(o.nodeRadius, ...[...outerLines.values()].map((l) => radiusForText(l, o.fontSize)));
  const centreLines = wrapLabel(label(SKELETAL_MUSCLE), 9);
  const centreRadius = Math.max(o.centreRadius, nodeRadius + 12, radiusForText(centreLines, o.centreFontSize));

  // A loop on skeletal muscle gets the top slot of the circle to itself.
  const slots = Math.max(1, outer.length + (centreLoop ? 1 : 0));
  const step = (2 * Math.PI) / slots;
  // Neighbouring circles keep at least 40 units apart however many organs there are.
  const radius = outer.length < 2 ? o.radius : Math.max(o.radius, (nodeRadius + 20) / Math.sin(step / 2));

  const nodes: MapNode[] = [];
  const angleOf = new Map<string, number>();
  const node = (id: string, x: number, y: number, r: number, centre: boolean, text: NodeText): MapNode => {
    const t = totals.get(id)!;
    return { id, label: label(id), asTarget: t.asTarget, total: t.total, centre, x, y, r, text };
  };
  if (hasCentre)
    nodes.push(node(SKELETAL_MUSCLE, 0, 0, centreRadius, true, centredText(centreLines, o.centreFontSize)));
  outer.forEach((id, i) => {
    const angle = -Math.PI / 2 + (i + (centreLoop ? 1 : 0)) * step;
    angleOf.set(id, angle);
    const u = polar(angle);
    const [x, y] = [Math.round(u.x * radius), Math.round(u.y * radius)];
    const text = centredText(outerLines.get(id)!, o.fontSize);
    nodes.push(node(id, x, y, nodeRadius, false, { ...text, x, y: y + text.y }));
  });

  const maxCount = Math.max(0, ...edgesIn.map((e) => e.count));
  const edges = layoutEdges(edgesIn, {
    nodeById: new Map(nodes.map((n) => [n.id, n])),
    angleOf,
    step,
    radius,
    centreRadius,
    parallelSpacing: o.parallelSpacing,
    maxCount,
    label,
  });
  const viewBox = fitViewBox(nodes, edges, o.margin);
  return { viewBox, nodes, edges, maxCount };
}

/** What drawing the edges needs from the node layout. */
type EdgeFrame = {
  nodeById: Map<string, MapNode>;
  /** The angle of each outer organ's spoke. */
  angleOf: Map<string, number>;
  /** The angle between neighbouring spokes. */
  step: number;
  radius: number;
  centreRadius: number;
  parallelSpacing: number;
  maxCount: number;
  label: LabelOf;
};

const OUTER_LOOP_REACH = 40;

/** One arrow per edge; edges joining the same pair of organs side by side, loops stacked outwards. */
function layoutEdges(edgesIn: readonly CrosstalkEdge[], f: EdgeFrame): MapEdge[] {
  const pairKey = (e: CrosstalkEdge) => [e.from, e.to].sort().join('|');
  const groups = new Map<string, CrosstalkEdge[]>();
  for (const e of edgesIn) groups.set(pairKey(e), [...(groups.get(pairKey(e)) ?? []), e]);

  const seenIds = new Set<string>();
  const edges: MapEdge[] = [];
  for (const group of groups.values()) {
    const [lo] = [group[0]!.from, group[0]!.to].sort();
    // Canonical order: edges leaving the lower id first, so offsets do not depend on input order.
    const ordered = [...group].sort(
      (a, b) => Number(a.from !== lo) - Number(b.from !== lo) || a.direction.localeCompare(b.direction),
    );
    ordered.forEach((e, i) => {
      const width = strokeWidth(e.count, f.maxCount);
      const a = f.nodeById.get(e.from)!;
      const b = f.nodeById.get(e.to)!;
      let shape: EdgeShape;
      if (e.from === e.to) {
        const centre = a.centre;
        const angle = centre ? -Math.PI / 2 : f.angleOf.get(a.id)!;
        // Half the angle to the neighbouring spokes, so the loop never crosses one.
        const spread = centre ? Math.min(0.42, f.step * 0.4) : 0.42;
        const reach = (centre ? (f.radius - f.centreRadius) * 0.6 : OUTER_LOOP_REACH) * (1 + 0.5 * i);
        shape = selfLoop(a, angle, spread, reach, width);
      } else {
        const offset = (i - (ordered.length - 1) / 2) * f.parallelSpacing;
        // Offsets are measured in the canonical from→to frame; a reversed edge's "right" is the other side.
        shape = edgeBetween(a, b, e.from === lo ? offset : -offset, width);
      }
      let testId = edgeTestId(e, f.label);
      if (seenIds.has(testId)) testId = `${testId}-${slugify(e.direction)}`;
      seenIds.add(testId);
      edges.push({
        ...e,
        ...shape,
        key: `${e.from}|${e.to}|${e.direction}`,
        width,
        name: edgeName(e, f.label),
        href: edgeHref(e),
        testId,
      });
    });
  }
  return edges;
}

/** Everything drawn must fit: the circles (names are inside them) and the count badges. */
function fitViewBox(nodes: readonly MapNode[], edges: readonly MapEdge[], margin: number): MapLayout['viewBox'] {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  const fit = (a: number, b: number, c: number, d: number) => {
    x0 = Math.min(x0, a);
    y0 = Math.min(y0, b);
    x1 = Math.max(x1, c);
    y1 = Math.max(y1, d);
  };
  for (const n of nodes) fit(n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r);
  for (const e of edges) fit(e.mid.x - 20, e.mid.y - 14, e.mid.x + 20, e.mid.y + 14);
  if (!Number.isFinite(x0)) [x0, y0, x1, y1] = [0, 0, 0, 0];
  return {
    x: Math.floor(x0 - margin),
    y: Math.floor(y0 - margin),
    width: Math.ceil(x1 - x0 + 2 * margin),
    height: Math.ceil(y1 - y0 + 2 * margin),
  };
}
