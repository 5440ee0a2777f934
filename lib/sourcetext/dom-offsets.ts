/**
 * Offsets between the reader's page and the snapshot text. A paragraph element carries its absolute start
 * (data-start) and its text content is exactly its slice of the snapshot, however it is cut into elements
 * (mention marks, find marks): so a DOM point's offset is data-start plus the length of the text before it.
 * Written over a minimal node shape so it is tested without a browser.
 */

export const TEXT_NODE = 3;

export interface NodeLike {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<NodeLike>;
}

function textLength(node: NodeLike): number {
  if (node.nodeType === TEXT_NODE) return node.nodeValue?.length ?? 0;
  let n = 0;
  for (let i = 0; i < node.childNodes.length; i++) n += textLength(node.childNodes[i]!);
  return n;
}

/**
 * The offset within `root`'s text of the DOM point (container, offset) — a Range boundary: in a text node
 * `offset` counts characters, in an element it counts children. Null when the point is not inside root.
 */
export function textOffsetWithin(root: NodeLike, container: NodeLike, offset: number): number | null {
  let before = 0;
  const visit = (node: NodeLike): number | null => {
    if (node === container) {
      if (node.nodeType === TEXT_NODE) return before + Math.min(offset, node.nodeValue?.length ?? 0);
      let n = before;
      for (let i = 0; i < Math.min(offset, node.childNodes.length); i++) n += textLength(node.childNodes[i]!);
      return n;
    }
    if (node.nodeType === TEXT_NODE) {
      before += node.nodeValue?.length ?? 0;
      return null;
    }
    for (let i = 0; i < node.childNodes.length; i++) {
      const found = visit(node.childNodes[i]!);
      if (found !== null) return found;
    }
    return null;
  };
  return visit(root);
}

/** The text nodes under `root`, in document order. */
export function textNodes<N extends NodeLike>(root: N): N[] {
  const out: N[] = [];
  const visit = (node: N) => {
    if (node.nodeType === TEXT_NODE) out.push(node);
    else for (let i = 0; i < node.childNodes.length; i++) visit(node.childNodes[i] as N);
  };
  visit(root);
  return out;
}

export type NodeSegment = { node: number; from: number; to: number };

/**
 * Where [start, end) (offsets within a paragraph's text) falls in its text nodes of the given lengths: one
 * segment per node it touches, as offsets within that node. Used to wrap a find match that crosses marks.
 */
export function segmentsForSpan(lengths: readonly number[], start: number, end: number): NodeSegment[] {
  const out: NodeSegment[] = [];
  let at = 0;
  for (let i = 0; i < lengths.length && at < end; i++) {
    const len = lengths[i]!;
    const from = Math.max(start, at);
    const to = Math.min(end, at + len);
    if (to > from) out.push({ node: i, from: from - at, to: to - at });
    at += len;
  }
  return out;
}

/** A selection's end inside a paragraph: the paragraph's absolute start, its text, and the offset in it. */
export type ParagraphPoint = { start: number; text: string; offset: number };

/**
 * The snapshot span from one point to another (the end in the same or a later paragraph), with whitespace at
 * either end left out — a double-clicked word brings its space. Null when nothing but whitespace is selected.
 */
export function spanBetween(from: ParagraphPoint, to: ParagraphPoint): { start: number; end: number } | null {
  let s = Math.min(from.offset, from.text.length);
  while (s < from.text.length && /\s/.test(from.text[s]!)) s++;
  let e = Math.min(to.offset, to.text.length);
  while (e > 0 && /\s/.test(to.text[e - 1]!)) e--;
  const start = from.start + s;
  const end = to.start + e;
  return end > start ? { start, end } : null;
}
