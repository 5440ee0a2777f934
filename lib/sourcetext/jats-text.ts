/**
 * Flattens JATS elements to plain-text blocks (paragraphs, heading lines, list items).
 *
 * Inline markup (italic, bold, sup, sub, xref, named-content, MathML …) flattens to its text, with no added
 * spaces ("H<sub>2</sub>O" → "H2O"; `<xref ref-type="bibr">12</xref>` stays "12"). Whitespace inside a block
 * collapses to single spaces (XML whitespace only: no-break and thin spaces are kept). Block elements (p, title, list-item, disp-quote, …) each give their own block;
 * a section's heading is "label title" ("2.1 Cell culture"). Figures and tables met on the way are handed to
 * `onFloat` instead of being flattened in place, so their captions can be placed after the body.
 */
import { childElements, firstChild, type XmlElement, type XmlNode } from './xml-tree';

const BLOCKS = new Set([
  'p',
  'title',
  'sec',
  'list',
  'list-item',
  'def-list',
  'def-item',
  'term',
  'def',
  'disp-quote',
  'boxed-text',
  'statement',
  'speech',
  'verse-group',
  'verse-line',
  'disp-formula',
  'attrib',
  'fn',
  'caption',
  'abstract',
  'ack',
  'app',
  'notes',
  'glossary',
  'ref',
  'mixed-citation',
  'supplementary-material',
]);

/** Never shown: pictures, alternative encodings of a formula, identifiers and processing data. */
const SKIPPED = new Set([
  'graphic',
  'inline-graphic',
  'media',
  'tex-math',
  'annotation',
  'annotation-xml',
  'object-id',
  'processing-meta',
  'alt-text',
  'long-desc',
]);

export const FLOATS = new Set(['fig', 'table-wrap', 'fig-group', 'table-wrap-group']);

export type BlockOptions = { onFloat?: (el: XmlElement) => void };

/** Collapses XML whitespace (space, tab, line ends); no-break and thin spaces inside stay as authored. */
export function collapse(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** All the text under `node`, inline, uncollapsed. Structured citations get spaces between their parts. */
function rawText(node: XmlNode, spaced = false): string {
  if (typeof node === 'string') return node;
  if (SKIPPED.has(node.name) || FLOATS.has(node.name)) return '';
  const inner = spaced || node.name === 'element-citation';
  const text = node.children.map((c) => rawText(c, inner)).join(inner ? ' ' : '');
  // A label ("2.", "(a)") is followed by what it labels: keep them apart.
  return node.name === 'label' ? `${text} ` : text;
}

export function inlineText(node: XmlNode): string {
  return collapse(rawText(node));
}

/** "2.1 Cell culture" from a sec, fig or table-wrap's label and title. */
export function headingOf(el: XmlElement): { label: string; title: string } {
  const label = firstChild(el, 'label');
  const title = firstChild(el, 'title');
  return { label: label ? inlineText(label) : '', title: title ? inlineText(title) : '' };
}

function headingLine(el: XmlElement): string {
  const { label, title } = headingOf(el);
  return collapse(`${label} ${title}`);
}

/** The blocks of `el`'s content, in document order (empty blocks dropped). */
export function blocksOf(el: XmlElement, opts: BlockOptions = {}, out: string[] = []): string[] {
  let inline = '';
  const flush = () => {
    const text = collapse(inline);
    if (text) out.push(text);
    inline = '';
  };
  const hasHeading = el.name === 'sec' || el.name === 'app' || el.name === 'ack' || el.name === 'boxed-text';
  if (hasHeading) {
    const heading = headingLine(el);
    if (heading) out.push(heading);
  }
  for (const child of el.children) {
    if (typeof child === 'string') {
      inline += child;
    } else if (FLOATS.has(child.name)) {
      flush();
      opts.onFloat?.(child);
    } else if (hasHeading && (child.name === 'label' || child.name === 'title')) {
      continue;
    } else if (child.name === 'list-item' || child.name === 'ref') {
      flush();
      const item = blocksOf(child, opts, []);
      if (item.length > 0) out.push(item.join(' '));
    } else if (BLOCKS.has(child.name)) {
      flush();
      blocksOf(child, opts, out);
    } else if (!SKIPPED.has(child.name)) {
      if (childElements(child).some((c) => BLOCKS.has(c.name) || FLOATS.has(c.name))) {
        flush();
        blocksOf(child, opts, out);
      } else {
        inline += rawText(child);
      }
    }
  }
  flush();
  return out;
}
