/**
 * What an extractor (paste, JATS, PDF) returns: the text with its sections, or a failure code with a sentence a
 * curator can act on (no stack, no library jargon). Extractors never throw for bad input.
 */
import type { ExtractedText } from './types';

export const EXTRACT_FAILURES = [
  'empty',
  'too_large',
  'control_chars',
  'not_pdf',
  'bad_pdf',
  'encrypted_pdf',
  'no_text',
  'xml_entities',
  'bad_xml',
  'bad_encoding',
  'not_jats',
] as const;
export type ExtractFailure = (typeof EXTRACT_FAILURES)[number];

export type ExtractResult =
  | {
      ok: true;
      value: ExtractedText;
      /** Set when the text was kept but something was left out (e.g. pages past the limit). */
      notice?: string;
    }
  | { ok: false; code: ExtractFailure; message: string };

export function extractFailure(code: ExtractFailure, message: string): ExtractResult {
  return { ok: false, code, message };
}
