/**
 * Parses checked XML (see xml-input.ts) into a small element tree with `saxes`.
 *
 * Why saxes: a strict, maintained, dependency-light XML 1.0 parser that never loads anything from outside —
 * it does not read DTDs at all, so an external DOCTYPE is never fetched and declared entities are never
 * expanded (a reference to one is an error, not an expansion). It decodes the predefined entities (&amp; &lt; …)
 * and numeric character references, and reports well-formedness errors with a line and column.
 * A few common HTML named entities are added as plain-text replacements (no recursion is possible).
 *
 * Element names keep their local part only (`jats:p` → `p`, `mml:math` → `math`); namespaces are not checked,
 * so Crossref's `jats:`-prefixed fragments parse without declarations.
 */
import { SaxesParser } from 'saxes';

export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlNode[] };
export type XmlNode = XmlElement | string;

export type ParsedXml = { ok: true; root: XmlElement } | { ok: false; message: string };

/** Deeper nesting is refused: no article needs it, and it protects the recursive walks that follow. */
export const MAX_XML_DEPTH = 256;

const EXTRA_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  times: '×',
  plusmn: '±',
  deg: '°',
  micro: 'µ',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  kappa: 'κ',
};

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

/** Turns "3:12: undefined entity." into "line 3, column 12: undefined entity". */
function describeError(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const m = /^(?:[^:]*:)?(\d+):(\d+): (.*?)\.?$/.exec(raw);
  return m ? `line ${m[1]}, column ${Number(m[2]) + 1}: ${m[3]}` : raw;
}

/** `fragment: true` accepts several top-level elements and text (wrapped in a `#fragment` root). */
export function parseXml(xml: string, opts: { fragment?: boolean } = {}): ParsedXml {
  const parser = new SaxesParser({ xmlns: false, fragment: opts.fragment === true });
  Object.assign(parser.ENTITIES, EXTRA_ENTITIES);
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  let error: string | null = null;
  parser.on('error', (err) => {
    error ??= describeError(err);
  });
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_XML_DEPTH) {
      error ??= `elements are nested more than ${MAX_XML_DEPTH} deep`;
      return;
    }
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attrs[localName(key)] = String(value);
    const el: XmlElement = { name: localName(tag.name), attrs, children: [] };
    top().children.push(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing && stack.length > 1 && top().name === localName(tag.name)) stack.pop();
  });
  const onText = (text: string) => {
    if (stack.length <= MAX_XML_DEPTH + 1) top().children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(xml).close();
  } catch (err) {
    error ??= describeError(err);
  }
  if (error !== null) return { ok: false, message: error };
  if (opts.fragment) return { ok: true, root: { ...root, name: '#fragment' } };
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  return first ? { ok: true, root: first } : { ok: false, message: 'the document has no root element' };
}

// ---------------------------------------------------------------------------
// Walking
// ---------------------------------------------------------------------------

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** Depth-first, document order; does not descend into a match. */
export function findAll(el: XmlElement, names: ReadonlySet<string>, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (names.has(c.name)) out.push(c);
    else findAll(c, names, out);
  }
  return out;
}
