/** Plane geometry for the crosstalk map: SVG paths between circles, loops and arrowheads. */

export type Point = { x: number; y: number };
export type Circle = Point & { r: number };

/** What an edge needs to be drawn: the stroke path, a filled arrowhead at the target, where its count goes. */
export type EdgeShape = {
  /** SVG path data of the stroke; it stops at the arrowhead's base so a thick line never pokes past the tip. */
  d: string;
  /** SVG polygon points of the arrowhead. */
  arrow: string;
  /** Where the arrow points to (on the target's border) and the direction it points in, in degrees (0 = east, 90 = south). */
  tip: Point;
  angle: number;
  /** Middle of the drawn curve, for the count label. */
  mid: Point;
};

/** Gap left between a node's border and the line touching it. */
const GAP = 3;

const add = (a: Point, b: Point): Point => ({ x: a.x + b.x, y: a.y + b.y });
const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
const scale = (a: Point, k: number): Point => ({ x: a.x * k, y: a.y * k });
const len = (a: Point): number => Math.hypot(a.x, a.y);
const unit = (a: Point): Point => {
  const l = len(a);
  return l === 0 ? { x: 1, y: 0 } : scale(a, 1 / l);
};
/** The unit vector at `angle` radians (0 = east, clockwise on screen). */
export const polar = (angle: number): Point => ({ x: Math.cos(angle), y: Math.sin(angle) });

const round = (n: number) => Math.round(n * 10) / 10;
const pt = (p: Point) => `${round(p.x)} ${round(p.y)}`;
export const roundPoint = (p: Point): Point => ({ x: round(p.x), y: round(p.y) });

/** Arrowhead size grows with the stroke, so it stays wider than the line it ends. */
export function arrowSize(strokeWidth: number): { length: number; halfWidth: number } {
  return { length: 9 + 1.1 * strokeWidth, halfWidth: 5 + 0.75 * strokeWidth };
}

function arrowhead(tip: Point, dir: Point, strokeWidth: number): { base: Point; points: string } {
  const { length, halfWidth } = arrowSize(strokeWidth);
  const base = sub(tip, scale(dir, length));
  const normal = { x: -dir.y, y: dir.x };
  const left = add(base, scale(normal, halfWidth));
  const right = sub(base, scale(normal, halfWidth));
  return { base, points: [tip, left, right].map((p) => pt(p)).join(' ') };
}

const degrees = (v: Point) => round((Math.atan2(v.y, v.x) * 180) / Math.PI);

/**
 * A line from circle `a` to circle `b`, bent sideways by `offset` (0 = straight).
 * The bend is measured perpendicular to the a→b line, to its right on screen, so
 * a→b and b→a with the same positive offset come out on opposite sides.
 */
export function edgeBetween(a: Circle, b: Circle, offset: number, strokeWidth: number): EdgeShape {
  const along = unit(sub(b, a));
  const right = { x: -along.y, y: along.x };
  // A quadratic curve's middle lies halfway to its control point: double the wanted bend.
  const control = add(scale(add(a, b), 0.5), scale(right, 2 * offset));
  const start = add(a, scale(unit(sub(control, a)), a.r + GAP));
  const tip = add(b, scale(unit(sub(control, b)), b.r + GAP));
  const dir = unit(sub(tip, control));
  const head = arrowhead(tip, dir, strokeWidth);
  const mid = add(add(scale(start, 0.25), scale(control, 0.5)), scale(head.base, 0.25));
  const d = offset === 0 ? `M${pt(start)} L${pt(head.base)}` : `M${pt(start)} Q${pt(control)} ${pt(head.base)}`;
  return { d, arrow: head.points, tip: roundPoint(tip), angle: degrees(dir), mid: roundPoint(mid) };
}

/**
 * A loop leaving circle `c` and coming back to it, pointing out at `angle`
 * (radians), `spread` radians either side of it, reaching about `reach` beyond the border.
 * It stays inside that wedge, so lines outside the wedge are never crossed.
 */
export function selfLoop(c: Circle, angle: number, spread: number, reach: number, strokeWidth: number): EdgeShape {
  const out = (a: number, r: number) => add(c, scale(polar(a), r));
  const start = out(angle - spread, c.r + GAP);
  const c1 = out(angle - spread, c.r + reach * 1.33);
  const c2 = out(angle + spread, c.r + reach * 1.33);
  const tip = out(angle + spread, c.r + GAP);
  const dir = unit(sub(tip, c2));
  const head = arrowhead(tip, dir, strokeWidth);
  const mid = add(scale(add(start, head.base), 0.125), scale(add(c1, c2), 0.375));
  return {
    d: `M${pt(start)} C${pt(c1)} ${pt(c2)} ${pt(head.base)}`,
    arrow: head.points,
    tip: roundPoint(tip),
    angle: degrees(dir),
    mid: roundPoint(mid),
  };
}
