/**
 * Find-in-text for the reader: case-insensitive, and whitespace-tolerant — any run of spaces or line breaks in
 * the text matches one space in the query, so a phrase broken across lines is still found.
 */

export type Span = { start: number; end: number };

export type FindResult = {
  /** The first `cap` matches, in text order. */
  spans: Span[];
  /** How many there are in all (more than spans.length when capped). */
  total: number;
};

export const FIND_CAP = 1000;

/** The query as a pattern, or null when it has nothing to find. */
export function findPattern(query: string): RegExp | null {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return new RegExp(escaped.join('\\s+'), 'gi');
}

function scan(text: string, re: RegExp, offset: number, room: number, out: Span[]): number {
  let total = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (total < room) out.push({ start: offset + m.index, end: offset + m.index + m[0].length });
    total++;
  }
  return total;
}

/** Every match of `query` in `text` (matches do not overlap); at most `cap` spans, with the total. */
export function findAll(text: string, query: string, cap = FIND_CAP): FindResult {
  const re = findPattern(query);
  if (!re) return { spans: [], total: 0 };
  const spans: Span[] = [];
  const total = scan(text, re, 0, cap, spans);
  return { spans, total };
}

/**
 * findAll over paragraphs (each with its absolute start), as the browser reads them from the page: a match
 * never crosses a paragraph, since it could not be marked. Spans are absolute; the cap holds across paragraphs.
 */
export function findInParagraphs(
  paragraphs: readonly { start: number; text: string }[],
  query: string,
  cap = FIND_CAP,
): FindResult {
  const re = findPattern(query);
  if (!re) return { spans: [], total: 0 };
  const spans: Span[] = [];
  let total = 0;
  for (const p of paragraphs) total += scan(p.text, re, p.start, Math.max(0, cap - total), spans);
  return { spans, total };
}
