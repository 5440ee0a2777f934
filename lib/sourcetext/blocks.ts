/**
 * What the reader renders (issue 12, items 2 and 5): a snapshot's sections cut into paragraphs, each paragraph
 * cut into runs of plain text, mentions and find matches. Runs never overlap and never cross a paragraph, so
 * each can become one element; every offset is a UTF-16 index into the snapshot's text (end exclusive).
 */
import type { Mention } from '@/lib/annotate/types';
import type { ExtractedText, SectionKind, TextSection } from './types';

export { findAll, findInParagraphs, type FindResult, type Span } from './find';

export type Run = {
  start: number;
  end: number;
  /** Index into the mentions given to buildBlocks. */
  mention?: number;
  /** The run lies inside a find match. */
  match?: boolean;
};

export type ParagraphBlock = { start: number; end: number; runs: Run[] };

export type SectionBlock = {
  kind: SectionKind;
  /** The paper's heading, or a plain name for the kind when the paper gives none. */
  title: string;
  start: number;
  end: number;
  paragraphs: ParagraphBlock[];
};

type MentionSpan = Pick<Mention, 'start' | 'end'>;

export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  title: 'Title',
  abstract: 'Abstract',
  introduction: 'Introduction',
  methods: 'Methods',
  results: 'Results',
  discussion: 'Discussion',
  conclusion: 'Conclusion',
  body: 'Text',
  caption: 'Caption',
  references: 'References',
  other: 'Other text',
};

const WS = /\s/;

/** Sections in text order, clipped to the text, without overlaps; text between them becomes an 'other' part. */
export function normalizeSections(text: string, sections: readonly TextSection[]): TextSection[] {
  const sorted = sections
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out: TextSection[] = [];
  let at = 0;
  const gap = (end: number) => {
    if (/\S/.test(text.slice(at, end))) out.push({ kind: 'other', title: '', start: at, end });
  };
  for (const s of sorted) {
    if (s.start < at) continue;
    gap(s.start);
    out.push(s);
    at = s.end;
  }
  gap(text.length);
  return out;
}

/** Paragraphs of text[start, end): split on blank lines, each trimmed of surrounding whitespace. */
export function splitParagraphs(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const blank = /\n\s*\n/g;
  const push = (s: number, e: number) => {
    while (s < e && WS.test(text[s]!)) s++;
    while (e > s && WS.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const part = text.slice(start, end);
  let from = 0;
  for (let m = blank.exec(part); m; m = blank.exec(part)) {
    push(start + from, start + m.index);
    from = m.index + m[0].length;
  }
  push(start + from, end);
  return out;
}

/** Index of the span holding `pos` in spans sorted by start, or -1. */
function spanAt(spans: readonly { start: number; end: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Mentions that can be marked: inside one paragraph, and where two overlap the longer wins (the earlier on a
 * tie). Returns their indices sorted by start.
 */
export function keptMentions(
  textLength: number,
  paragraphs: readonly { start: number; end: number }[],
  mentions: readonly MentionSpan[],
): number[] {
  const order = mentions
    .map((m, i) => i)
    .filter((i) => {
      const m = mentions[i]!;
      if (!(m.start >= 0 && m.end <= textLength && m.start < m.end)) return false;
      const p = spanAt(paragraphs, m.start);
      return p >= 0 && m.end <= paragraphs[p]!.end;
    })
    .sort((a, b) => {
      const x = mentions[a]!;
      const y = mentions[b]!;
      return y.end - y.start - (x.end - x.start) || x.start - y.start || a - b;
    });
  const taken = new Uint8Array(textLength);
  const kept: number[] = [];
  for (const i of order) {
    const m = mentions[i]!;
    let free = true;
    for (let k = m.start; k < m.end && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, m.start, m.end);
    kept.push(i);
  }
  return kept.sort((a, b) => mentions[a]!.start - mentions[b]!.start);
}

/** Cut [start, end) at the kept mentions (sorted, inside it) and at the matches (sorted, possibly crossing it). */
function runsOf(
  start: number,
  end: number,
  marks: readonly { start: number; end: number; index: number }[],
  matches: readonly { start: number; end: number }[],
): Run[] {
  const cuts = new Set<number>([start, end]);
  for (const m of marks) cuts.add(m.start).add(m.end);
  for (const m of matches) cuts.add(Math.max(start, m.start)).add(Math.min(end, m.end));
  const points = [...cuts].filter((c) => c >= start && c <= end).sort((a, b) => a - b);
  const runs: Run[] = [];
  let mi = 0;
  let fi = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const run: Run = { start: points[k]!, end: points[k + 1]! };
    while (mi < marks.length && marks[mi]!.end <= run.start) mi++;
    while (fi < matches.length && matches[fi]!.end <= run.start) fi++;
    const mark = marks[mi];
    if (mark && mark.start <= run.start) run.mention = mark.index;
    const match = matches[fi];
    if (match && match.start <= run.start) run.match = true;
    runs.push(run);
  }
  return runs;
}

/**
 * The reader's blocks for a snapshot. `matches` (find hits, sorted, not overlapping) are optional: the reader
 * marks them in the browser, but a server rendering a query can pass them here.
 */
export function buildBlocks(
  input: ExtractedText,
  mentions: readonly MentionSpan[] = [],
  matches: readonly { start: number; end: number }[] = [],
): SectionBlock[] {
  const { text } = input;
  const sections = normalizeSections(text, input.sections);
  const parts = sections.map((s) => splitParagraphs(text, s.start, s.end));
  const allParagraphs = parts.flat();
  const kept = keptMentions(text.length, allParagraphs, mentions);
  let ki = 0;
  let fi = 0;
  return sections.map((s, si) => ({
    kind: s.kind,
    title: s.title.trim() || SECTION_KIND_LABELS[s.kind],
    start: s.start,
    end: s.end,
    paragraphs: parts[si]!.map((p) => {
      const marks: { start: number; end: number; index: number }[] = [];
      while (ki < kept.length && mentions[kept[ki]!]!.start < p.end) {
        const m = mentions[kept[ki]!]!;
        marks.push({ start: m.start, end: m.end, index: kept[ki]! });
        ki++;
      }
      while (fi < matches.length && matches[fi]!.end <= p.start) fi++;
      let fj = fi;
      while (fj < matches.length && matches[fj]!.start < p.end) fj++;
      return { start: p.start, end: p.end, runs: runsOf(p.start, p.end, marks, matches.slice(fi, fj)) };
    }),
  }));
}
