/**
 * Checks an XML document before any parser sees it: size, character encoding, and entity declarations.
 *
 * - Size: over SOURCE_TEXT_LIMITS.maxXmlBytes (UTF-8 bytes) is refused.
 * - Encoding: bytes are UTF-8 (a UTF-8 byte-order mark is dropped). An XML declaration naming ISO-8859-1, Latin-1
 *   or Windows-1252 is honoured — every byte maps to one character, so decoding cannot fail or grow the text
 *   (decoded as Windows-1252, as browsers do for those labels). US-ASCII is read as UTF-8. Any other declared
 *   encoding, UTF-16 byte-order marks, and bytes that are not valid UTF-8 are refused with a message asking for
 *   UTF-8.
 * - Entities: a document whose DOCTYPE has an internal subset (`[ … ]`), or that contains `<!ENTITY` anywhere, is
 *   refused. That covers external entities (XXE: `SYSTEM "file:///etc/passwd"`), parameter entities and
 *   entity-expansion bombs ("billion laughs"). A plain external DOCTYPE such as
 *   `<!DOCTYPE article PUBLIC "…" "JATS-archivearticle1.dtd">`, as Europe PMC sends, is accepted and never fetched.
 */
import { SOURCE_TEXT_LIMITS } from './types';

export type XmlInput =
  { ok: true; xml: string } | { ok: false; code: 'too_large' | 'bad_encoding' | 'xml_entities'; message: string };

const SAVE_AS_UTF8 = 'Save it as UTF-8 and upload it again.';

function tooLarge(): XmlInput {
  const mb = SOURCE_TEXT_LIMITS.maxXmlBytes / (1024 * 1024);
  return { ok: false, code: 'too_large', message: `The XML file is larger than ${mb} MB, the most the app accepts.` };
}

/** The `encoding` of an XML declaration at the very start of the bytes, lowercased, or null. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const m = /^(?:\uFEFF|ï»¿)?<\?xml\s[^?>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1] ? m[1].toLowerCase() : null;
}

const SINGLE_BYTE = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'windows-1252', 'cp1252']);
const UTF8 = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

export function decodeXmlBytes(bytes: Uint8Array): XmlInput {
  if (bytes.byteLength > SOURCE_TEXT_LIMITS.maxXmlBytes) return tooLarge();
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    return { ok: false, code: 'bad_encoding', message: `The XML file is encoded as UTF-16. ${SAVE_AS_UTF8}` };
  }
  const encoding = declaredEncoding(bytes);
  if (encoding && SINGLE_BYTE.has(encoding)) {
    return { ok: true, xml: new TextDecoder('windows-1252').decode(bytes) };
  }
  if (encoding && !UTF8.has(encoding)) {
    return {
      ok: false,
      code: 'bad_encoding',
      message: `The XML file declares the character encoding “${encoding}”, which the app does not read. ${SAVE_AS_UTF8}`,
    };
  }
  try {
    return { ok: true, xml: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return {
      ok: false,
      code: 'bad_encoding',
      message:
        'The XML file is not valid UTF-8 (it may be Latin-1 or Windows-1252 without saying so in its XML declaration). ' +
        SAVE_AS_UTF8,
    };
  }
}

/** End of the DOCTYPE declaration starting at `from` (index after its `>`), and whether it has an internal subset. */
function scanDoctype(xml: string, from: number): { end: number; subset: boolean } {
  let quote = '';
  for (let i = from + '<!DOCTYPE'.length; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '[') {
      return { end: i, subset: true };
    } else if (c === '>') {
      return { end: i + 1, subset: false };
    }
  }
  return { end: xml.length, subset: false };
}

const ENTITY_MESSAGE =
  'The XML file declares its own entities (a DOCTYPE with an internal subset or <!ENTITY>), which the app refuses ' +
  'for safety. Remove the declarations, or use the article’s XML as the publisher or Europe PMC provides it.';

/** Size and entity checks on already-decoded XML text. */
export function guardXmlText(xml: string): XmlInput {
  if (xml.length > SOURCE_TEXT_LIMITS.maxXmlBytes || Buffer.byteLength(xml, 'utf8') > SOURCE_TEXT_LIMITS.maxXmlBytes) {
    return tooLarge();
  }
  if (/<!ENTITY/i.test(xml)) return { ok: false, code: 'xml_entities', message: ENTITY_MESSAGE };
  const doctype = xml.search(/<!DOCTYPE/i);
  if (doctype !== -1 && scanDoctype(xml, doctype).subset) {
    return { ok: false, code: 'xml_entities', message: ENTITY_MESSAGE };
  }
  return { ok: true, xml };
}
