/**
 * BibTeX: citation-js refuses a whole file when one entry is broken (e.g. an
 * unterminated brace), so the file is first split into entries at every line
 * that starts with "@type{" / "@type(". The whole file is parsed in one go when
 * it can be (fastest, and @string macros apply everywhere); when that throws or
 * yields a different number of entries, each entry is parsed alone, with the
 * file's @string definitions in front of it, so a broken entry is reported by
 * its number and key and the others still import. An unterminated entry thus
 * runs to the next line starting with "@" and only that entry is refused.
 * Text outside entries is a comment in BibTeX and is ignored.
 */
import { toCsl } from './citation';
import { errorText, RowCollector, tooLongForOneRecord } from './rows';

const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]/;
const NOT_ENTRIES = new Set(['string', 'preamble', 'comment']);

interface Chunk {
  type: string;
  text: string;
}

function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = ENTRY_START.exec(line);
    if (m) {
      current = { type: m[1]!.toLowerCase(), text: line };
      chunks.push(current);
    } else if (current) current.text += `\n${line}`;
  }
  return chunks;
}

function keyOf(chunk: string): string {
  return /^[ \t]*@[ \t]*\w+[ \t]*[{(][ \t]*([^,\s{}()]{1,80})[ \t]*,/.exec(chunk)?.[1] ?? '';
}

function label(chunk: string): string {
  const key = keyOf(chunk);
  return key ? ` (${key})` : '';
}

function wholeFile(text: string, count: number): Record<string, unknown>[] | null {
  try {
    const items = toCsl(text);
    return items.length === count ? items : null;
  } catch {
    return null;
  }
}

export function parseBibtex(text: string, notices: string[]): RowCollector {
  const out = new RowCollector('bibtex', notices);
  const chunks = splitChunks(text);
  const entries = chunks.filter((c) => !NOT_ENTRIES.has(c.type));
  const tooLong = entries.map((c) => tooLongForOneRecord(c.text));
  const whole = tooLong.some(Boolean) ? null : wholeFile(text, entries.length);
  const strings = whole
    ? ''
    : chunks
        .filter((c) => c.type === 'string')
        .map((c) => c.text)
        .join('\n');
  entries.forEach((entry, i) => {
    const row = i + 1;
    if (tooLong[i]) return out.refuse(row, `${keyOf(entry.text) || 'entry'}: ${tooLong[i]}`);
    if (whole) return out.addCsl(row, whole[i]!);
    try {
      const csl = toCsl(strings ? `${strings}\n${entry.text}` : entry.text)[0];
      if (!csl) return out.refuse(row, `could not be read as BibTeX${label(entry.text)}`);
      out.addCsl(row, csl);
    } catch (e) {
      out.refuse(row, `could not be read as BibTeX${label(entry.text)}: ${errorText(e)}`);
    }
  });
  return out;
}
