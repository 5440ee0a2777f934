/**
 * The reader's work on its own page: read paragraphs, mark and unmark find matches, turn a selection into a
 * snapshot span. Paragraph contents are static HTML (see reader-text.tsx), so changing them here does not
 * fight React; every change keeps a paragraph's text content, on which all offsets rest.
 */
import { segmentsForSpan, spanBetween, textNodes, textOffsetWithin } from '@/lib/sourcetext/dom-offsets';
import type { Span } from '@/lib/sourcetext/find';

export type PageParagraph = { el: HTMLElement; start: number; text: string };

export function readParagraphs(region: HTMLElement): PageParagraph[] {
  return [...region.querySelectorAll<HTMLElement>('p[data-start]')].map((el) => ({
    el,
    start: Number(el.dataset.start),
    text: el.textContent ?? '',
  }));
}

/** Take every find mark out, leaving the text nodes as the server rendered them. */
export function clearHits(region: HTMLElement): void {
  const touched = new Set<Node>();
  for (const mark of region.querySelectorAll('mark[data-hit]')) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    touched.add(mark.closest('p') ?? parent);
  }
  for (const p of touched) p.normalize();
}

function wrap(node: Text, from: number, to: number, hit: number): HTMLElement {
  const mid = from > 0 ? node.splitText(from) : node;
  if (to - from < mid.length) mid.splitText(to - from);
  const mark = document.createElement('mark');
  mark.dataset.hit = String(hit);
  mid.parentNode!.insertBefore(mark, mid);
  mark.appendChild(mid);
  return mark;
}

/** The paragraph holding the absolute offset, by binary search over paragraphs in text order. */
function paragraphAt(paras: readonly PageParagraph[], pos: number): PageParagraph | undefined {
  let lo = 0;
  let hi = paras.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paras[mid]!;
    if (pos < p.start) hi = mid - 1;
    else if (pos >= p.start + p.text.length) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/**
 * Wrap each span (absolute, within one paragraph, in text order) in <mark data-hit=i>; a span crossing a
 * mention mark becomes one find mark per text node. Returns each span's marks.
 */
export function markHits(paras: readonly PageParagraph[], spans: readonly Span[]): HTMLElement[][] {
  const out: HTMLElement[][] = spans.map(() => []);
  // Last span first: wrapping splits text nodes after the earlier spans, whose offsets stay right.
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i]!;
    const p = paragraphAt(paras, span.start);
    if (!p) continue;
    const nodes = textNodes(p.el as Node) as Text[];
    const segs = segmentsForSpan(
      nodes.map((n) => n.data.length),
      span.start - p.start,
      span.end - p.start,
    );
    for (let k = segs.length - 1; k >= 0; k--) {
      const s = segs[k]!;
      out[i]!.unshift(wrap(nodes[s.node]!, s.from, s.to, i));
    }
  }
  return out;
}

function paragraphOf(node: Node, region: HTMLElement): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  const p = el?.closest<HTMLElement>('p[data-start]') ?? null;
  return p && region.contains(p) ? p : null;
}

export type SelectionSpan = { start: number; end: number; quote: string };
export type SelectionResult = { span: SelectionSpan } | { problem: string } | null;

const pointIn = (p: HTMLElement, offset: number) => ({
  start: Number(p.dataset.start),
  text: p.textContent ?? '',
  offset,
});

/**
 * The snapshot span of a selection inside the region, if it lies in one section. An end outside every
 * paragraph (in a heading, between paragraphs) moves to the nearest paragraph the selection covers.
 */
export function selectionToSpan(region: HTMLElement, range: Range): SelectionResult {
  if (range.collapsed || !region.contains(range.commonAncestorContainer)) return null;
  let first = paragraphOf(range.startContainer, region);
  let last = paragraphOf(range.endContainer, region);
  if (!first || !last) {
    const covered = [...region.querySelectorAll<HTMLElement>('p[data-start]')].filter((p) => range.intersectsNode(p));
    first ??= covered[0] ?? null;
    last ??= covered.at(-1) ?? null;
  }
  if (!first || !last) return null;
  if (first.closest('section') !== last.closest('section')) {
    return { problem: 'Select text within one section to use it as evidence.' };
  }
  const startAt = first.contains(range.startContainer)
    ? textOffsetWithin(first, range.startContainer, range.startOffset)
    : 0;
  const endAt = last.contains(range.endContainer)
    ? textOffsetWithin(last, range.endContainer, range.endOffset)
    : (last.textContent ?? '').length;
  const span = spanBetween(pointIn(first, startAt ?? 0), pointIn(last, endAt ?? 0));
  if (!span) return null;
  return { span: { ...span, quote: range.toString().trim() } };
}
