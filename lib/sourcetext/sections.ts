/**
 * Finds a paper's sections in plain text (pasted, or extracted from a PDF) from its heading lines.
 *
 * The rules, kept simple so a curator can predict them:
 * - A heading is a line of its own (≤ 80 characters once trimmed) whose words name a known section —
 *   "Abstract", "Introduction", "Background", "Materials and methods", "Methods", "Results", "Discussion",
 *   "Conclusion(s)", "References", "Acknowledgements" … (see HEADINGS), in any case, optionally numbered
 *   ("2. Methods", "II. RESULTS") and optionally ending with ":" or ".".
 *   A heading starts a section that runs up to the next one; the heading line is part of it.
 * - Other lines, numbered or not ("2.1 Cell culture"), are sub-headings: they stay inside the current section.
 * - A caption is a paragraph (after a blank line or a heading) that starts with "Figure N", "Fig. N" or "Table N"
 *   followed by ".", ":" or "|" (N may be "S2" or "3B"). It becomes a 'caption' section titled "Figure N" /
 *   "Table N" that ends at the next blank line or heading; the text after it continues the section it interrupted.
 *   Captions are not looked for inside the references.
 * - Text before the first heading is one 'body' section titled "Text" (no guessing of a title line).
 * - Sections never include the blank lines around them: they are in order, do not overlap, lie within the text,
 *   and whatever lies between them is whitespace.
 */
import type { SectionKind, TextSection } from './types';

const HEADINGS: Record<string, SectionKind> = {
  abstract: 'abstract',
  summary: 'abstract',
  introduction: 'introduction',
  background: 'introduction',
  'materials and methods': 'methods',
  'material and methods': 'methods',
  'methods and materials': 'methods',
  methods: 'methods',
  'patients and methods': 'methods',
  'subjects and methods': 'methods',
  'experimental procedures': 'methods',
  'experimental section': 'methods',
  methodology: 'methods',
  results: 'results',
  'results and discussion': 'results',
  discussion: 'discussion',
  conclusion: 'conclusion',
  conclusions: 'conclusion',
  'concluding remarks': 'conclusion',
  references: 'references',
  bibliography: 'references',
  'literature cited': 'references',
  acknowledgements: 'other',
  acknowledgments: 'other',
  acknowledgement: 'other',
  acknowledgment: 'other',
  funding: 'other',
  'author contributions': 'other',
  'conflict of interest': 'other',
  'conflicts of interest': 'other',
  'competing interests': 'other',
  'data availability': 'other',
  'data availability statement': 'other',
  'supplementary material': 'other',
  'supplementary materials': 'other',
  abbreviations: 'other',
};

const NUMBERING = /^(?:\d{1,2}|[IVX]{1,4})\.?\s+/;

/** The kind a heading names ("2. Materials & Methods:" → 'methods'), or null if it names none of HEADINGS. */
export function headingKind(heading: string): SectionKind | null {
  const words = heading
    .trim()
    .replace(NUMBERING, '')
    .replace(/[:.]$/, '')
    .replace(/&/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return HEADINGS[words] ?? null;
}

const CAPTION = /^(fig(?:ure)?\.?|table)\s*(S?\d{1,3}[A-Za-z]?)\s*[.:|]/i;

/** "Fig. 2." → "Figure 2", "TABLE 1:" → "Table 1"; null when the line does not open a caption. */
export function captionTitle(line: string): string | null {
  const m = CAPTION.exec(line.trim());
  if (!m?.[1] || !m[2]) return null;
  const word = m[1].toLowerCase().startsWith('fig') ? 'Figure' : 'Table';
  return `${word} ${m[2]}`;
}

type Line = { start: number; end: number; trimmed: string };

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lines.push({ start, end, trimmed: text.slice(start, end).trim() });
    start = end + 1;
  }
  return lines;
}

/** The section list for `text` by the rules in the file header. */
export function detectSections(text: string): TextSection[] {
  const raw: TextSection[] = [];
  let current: { kind: SectionKind; title: string } = { kind: 'body', title: 'Text' };
  let inCaption = false;
  let previousBlank = true;
  const open = (kind: SectionKind, title: string, start: number) => {
    const last = raw[raw.length - 1];
    if (last) last.end = start;
    raw.push({ kind, title, start, end: text.length });
  };
  for (const line of splitLines(text)) {
    const blank = line.trimmed === '';
    const kind = !blank && line.trimmed.length <= 80 ? headingKind(line.trimmed) : null;
    if (kind) {
      current = { kind, title: line.trimmed.replace(NUMBERING, '').replace(/[:.]$/, '').trim() };
      open(kind, current.title, line.start);
      inCaption = false;
    } else if (blank && inCaption) {
      open(current.kind, current.title, line.start);
      inCaption = false;
    } else if (!blank && previousBlank && current.kind !== 'references') {
      const caption = captionTitle(line.trimmed);
      if (caption) {
        open('caption', caption, line.start);
        inCaption = true;
      }
    }
    if (raw.length === 0 && !blank) open(current.kind, current.title, line.start);
    previousBlank = blank || kind !== null;
  }
  return trimSections(text, raw);
}

/** Shrinks each section to its non-whitespace extent and drops the ones left empty. */
export function trimSections(text: string, sections: TextSection[]): TextSection[] {
  const out: TextSection[] = [];
  for (const s of sections) {
    let { start, end } = s;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) out.push({ ...s, start, end });
  }
  return out;
}
