/**
 * Pasted plain text → a snapshot's text and sections.
 *
 * - Line ends: CRLF and lone CR become LF; a leading byte-order mark is dropped; leading and trailing whitespace
 *   of the whole text is trimmed. Nothing else changes (no Unicode normalization: the anchor layer does that
 *   when it matches quotes, and stored offsets must point into exactly what is stored).
 * - Refused: control characters other than tab and line ends (C0, DEL, C1), and lone UTF-16 surrogates — the
 *   message names the first one with its line and column, so the curator can find it; empty or
 *   whitespace-only text; text longer than SOURCE_TEXT_LIMITS.maxChars.
 * - Sections come from heading lines: see sections.ts.
 */
import { extractFailure, type ExtractResult } from './result';
import { detectSections } from './sections';
import { SOURCE_TEXT_LIMITS } from './types';

const CONTROL_NAMES: Record<number, string> = {
  0: 'NUL',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
};

/** Index of the first character a snapshot may not hold (see file header), or -1. */
export function firstForbiddenChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    } else if (c >= 0x7f && c <= 0x9f) {
      return i;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

/** "line 3, column 14" (1-based; CRLF, CR and LF each end a line; columns count characters). */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Array.from(text.slice(lineStart, index)).length + 1 };
}

function describeChar(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code >= 0xd800 && code <= 0xdfff) return `a broken character (${hex}, half of a surrogate pair)`;
  const name = CONTROL_NAMES[code];
  return `a control character (${hex}${name ? `, ${name}` : ''})`;
}

function tooLarge(): ExtractResult {
  return extractFailure(
    'too_large',
    `The text is longer than ${SOURCE_TEXT_LIMITS.maxChars.toLocaleString('en')} characters; paste a shorter part of the paper.`,
  );
}

export function extractPlainText(input: string): ExtractResult {
  // Cheap bound first: line-end normalization at most halves the length.
  if (input.length > SOURCE_TEXT_LIMITS.maxChars * 2) return tooLarge();
  const bad = firstForbiddenChar(input);
  if (bad !== -1) {
    const { line, column } = lineAndColumn(input, bad);
    return extractFailure(
      'control_chars',
      `The text contains ${describeChar(input.charCodeAt(bad))} at line ${line}, column ${column}. ` +
        'Remove it (or copy the text again from the paper) and paste once more.',
    );
  }
  const text = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
  if (text === '') return extractFailure('empty', 'The text is empty; paste the paper’s text.');
  if (text.length > SOURCE_TEXT_LIMITS.maxChars) return tooLarge();
  return { ok: true, value: { text, sections: detectSections(text) } };
}
