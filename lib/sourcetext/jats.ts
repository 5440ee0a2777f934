/**
 * A JATS article (uploaded, or Europe PMC's fullTextXML) → a snapshot's text and sections; and Crossref's JATS
 * abstract fragment → plain text.
 *
 * Safety first (xml-input.ts): size, encoding and entity declarations are checked before any parsing; the parser
 * (xml-tree.ts, saxes) never fetches a DTD nor expands a declared entity.
 *
 * Layout of the text, in this order, blocks separated by a blank line ("\n\n"), headings on their own line:
 * - 'title': article-title.
 * - 'abstract': each abstract (graphical abstracts and teasers left out), titled by its own title or "Abstract".
 * - the body: each top-level sec is one section whose kind comes from its sec-type, else from its title
 *   (sections.ts' headingKind), else 'other'; nested secs stay inside it, their headings kept as lines.
 *   Paragraphs directly in body form a 'body' section titled "Text".
 * - 'caption': each figure and table (label + caption; the table itself is left out), titled by its label
 *   ("Figure 1"), after the body, in document order.
 * - back matter: acknowledgements, appendices and back secs as 'other' (or their title's kind).
 * - 'references': each ref-list, one reference per line.
 */
import { cleanText } from '../crossref/work';
import { extractFailure, type ExtractResult } from './result';
import { headingKind } from './sections';
import { blocksOf, collapse, FLOATS, headingOf, inlineText } from './jats-text';
import { decodeXmlBytes, guardXmlText } from './xml-input';
import { childElements, findAll, firstChild, parseXml, type XmlElement } from './xml-tree';
import { SOURCE_TEXT_LIMITS, type ExtractedText, type SectionKind, type TextSection } from './types';

const SEC_TYPES: [RegExp, SectionKind][] = [
  [/^intro/, 'introduction'],
  [/^(materials|methods)/, 'methods'],
  [/^results/, 'results'],
  [/^discussion/, 'discussion'],
  [/^conclusion/, 'conclusion'],
];

function secKind(sec: XmlElement): SectionKind {
  const type = (sec.attrs['sec-type'] ?? '').toLowerCase();
  for (const [re, kind] of SEC_TYPES) if (re.test(type)) return kind;
  const kind = headingKind(headingOf(sec).title);
  return kind && kind !== 'abstract' && kind !== 'references' ? kind : 'other';
}

/** Builds the text section by section; each section's slice is exactly its own blocks. */
class TextBuilder {
  text = '';
  sections: TextSection[] = [];
  add(kind: SectionKind, title: string, blocks: string[], separator = '\n\n'): void {
    if (blocks.length === 0) return;
    if (this.text) this.text += '\n\n';
    const start = this.text.length;
    this.text += blocks.join(separator);
    this.sections.push({ kind, title: title || 'Text', start, end: this.text.length });
  }
}

const SKIPPED_ABSTRACTS = new Set(['graphical', 'teaser', 'toc', 'precis', 'web-summary']);

function addFront(b: TextBuilder, article: XmlElement): void {
  const meta = firstChild(firstChild(article, 'front') ?? article, 'article-meta');
  if (!meta) return;
  const titleGroup = firstChild(meta, 'title-group');
  const title = titleGroup && firstChild(titleGroup, 'article-title');
  if (title) b.add('title', 'Title', [inlineText(title)].filter(Boolean));
  for (const abstract of childElements(meta, 'abstract')) {
    if (SKIPPED_ABSTRACTS.has((abstract.attrs['abstract-type'] ?? '').toLowerCase())) continue;
    const own = firstChild(abstract, 'title');
    b.add('abstract', own ? inlineText(own) : 'Abstract', blocksOf(abstract));
  }
}

function addBody(b: TextBuilder, body: XmlElement, floats: XmlElement[]): void {
  const onFloat = (el: XmlElement) => floats.push(el);
  let loose: string[] = [];
  const flushLoose = () => {
    b.add('body', 'Text', loose);
    loose = [];
  };
  for (const child of body.children) {
    if (typeof child === 'string') {
      if (collapse(child)) loose.push(collapse(child));
    } else if (child.name === 'sec') {
      flushLoose();
      b.add(secKind(child), headingOf(child).title, blocksOf(child, { onFloat }));
    } else if (FLOATS.has(child.name)) {
      onFloat(child);
    } else {
      blocksOf({ name: '#group', attrs: {}, children: [child] }, { onFloat }, loose);
    }
  }
  flushLoose();
}

function addCaptions(b: TextBuilder, floats: XmlElement[]): void {
  const leaves = floats.flatMap((f) => (f.name.endsWith('-group') ? findAll(f, new Set(['fig', 'table-wrap'])) : [f]));
  for (const f of leaves) {
    const label = firstChild(f, 'label');
    const caption = firstChild(f, 'caption');
    const name = label ? inlineText(label).replace(/[.:]$/, '') : f.name === 'fig' ? 'Figure' : 'Table';
    const blocks = caption ? blocksOf(caption) : [];
    if (label && name) blocks.unshift(inlineText(label));
    b.add('caption', name, blocks);
  }
}

function addBack(b: TextBuilder, back: XmlElement, floats: XmlElement[]): void {
  const onFloat = (el: XmlElement) => floats.push(el);
  for (const el of findAll(back, new Set(['ack', 'app', 'sec', 'notes']))) {
    const title = headingOf(el).title || (el.name === 'ack' ? 'Acknowledgements' : 'Notes');
    const kind = el.name === 'sec' ? secKind(el) : 'other';
    b.add(kind, title, blocksOf(el, { onFloat }));
  }
}

function addReferences(b: TextBuilder, article: XmlElement): void {
  for (const list of findAll(article, new Set(['ref-list']))) {
    const own = firstChild(list, 'title');
    const refs = findAll(list, new Set(['ref']))
      .map((ref) => blocksOf(ref).join(' '))
      .filter(Boolean);
    if (refs.length === 0) continue;
    if (own && inlineText(own)) b.add('references', inlineText(own), [inlineText(own), refs.join('\n')]);
    else b.add('references', 'References', refs, '\n');
  }
}

function layout(article: XmlElement): ExtractedText {
  const b = new TextBuilder();
  const floats: XmlElement[] = [];
  addFront(b, article);
  const body = firstChild(article, 'body');
  if (body) addBody(b, body, floats);
  const floatsGroup = firstChild(article, 'floats-group');
  if (floatsGroup) floats.push(...childElements(floatsGroup).filter((el) => FLOATS.has(el.name)));
  const captions = new TextBuilder();
  const back = firstChild(article, 'back');
  const backText = new TextBuilder();
  if (back) addBack(backText, back, floats);
  addCaptions(captions, floats);
  for (const part of [captions, backText]) {
    for (const s of part.sections) b.add(s.kind, s.title, [part.text.slice(s.start, s.end)]);
  }
  if (back) addReferences(b, back);
  return { text: b.text, sections: b.sections };
}

/** Reads a JATS article. Never throws. */
export function extractJats(xml: string | Uint8Array): ExtractResult {
  const decoded = typeof xml === 'string' ? { ok: true as const, xml } : decodeXmlBytes(xml);
  if (!decoded.ok) return extractFailure(decoded.code, decoded.message);
  const guarded = guardXmlText(decoded.xml);
  if (!guarded.ok) return extractFailure(guarded.code, guarded.message);
  const parsed = parseXml(guarded.xml.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    return extractFailure('bad_xml', `The XML file is not well-formed (${parsed.message}); it cannot be read.`);
  }
  if (parsed.root.name !== 'article') {
    return extractFailure(
      'not_jats',
      `This XML file is not a JATS article: its root element is <${parsed.root.name}>, not <article>.`,
    );
  }
  const value = layout(parsed.root);
  if (value.text.trim() === '') return extractFailure('no_text', 'The JATS article contains no text to show.');
  if (value.text.length > SOURCE_TEXT_LIMITS.maxChars) {
    return extractFailure('too_large', 'The article’s text is longer than the app accepts for one snapshot.');
  }
  return { ok: true, value };
}

/**
 * Crossref's `abstract` (a JATS fragment, usually `jats:`-prefixed) → plain text, blocks separated by a blank
 * line, its own title ("Abstract") kept as the first line when present. A fragment that is not well-formed XML
 * (some deposits hold bare text with a stray "<") falls back to stripping tags. Never throws; "" when empty.
 */
export function jatsAbstractToText(fragment: string): string {
  const guarded = guardXmlText(fragment);
  if (!guarded.ok) return '';
  const parsed = parseXml(guarded.xml, { fragment: true });
  if (!parsed.ok) return cleanText(fragment) ?? '';
  const only = childElements(parsed.root);
  const abstract = only.length === 1 && only[0]?.name === 'abstract' ? only[0] : parsed.root;
  // The abstract's own title is one of its blocks: it stays the first line.
  return blocksOf({ ...abstract, name: '#abstract' }).join('\n\n');
}
