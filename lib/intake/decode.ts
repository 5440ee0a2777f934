/**
 * Bytes of an upload → text, refusing what is not a text file.
 *
 * Encoding decision: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped);
 * UTF-16 when the file starts with a UTF-16 BOM (some reference managers
 * export so); otherwise the bytes are decoded as Windows-1252 (a superset of
 * Latin-1 for printable text, what older EndNote/Reference Manager exports
 * use) and a notice says so — refusing would make the curator re-save a file
 * whose text is almost always right.
 */
import type { IntakeParseFailure } from './types';

/** Largest upload parsed at all; larger ones are refused before any decoding. */
export const MAX_INTAKE_BYTES = 20 * 1024 * 1024;

const MAGIC: [string, number[]][] = [
  ['a PDF', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or a Word/Excel file)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['an old Word/Excel file', [0xd0, 0xcf, 0x11, 0xe0]],
];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// Bytes 0x80-0x9F of Windows-1252 (undefined ones map to the C1 control, as WHATWG does). Node's
// TextDecoder('windows-1252') decodes them as ISO-8859-1 C1 controls, so the table is applied here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const slice = bytes.subarray(i, i + 8192);
    parts.push(String.fromCharCode(...slice).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
  }
  return parts.join('');
}

export type DecodedText = { ok: true; text: string; notices: string[] };

function binaryMessage(name: string, kind: string): IntakeParseFailure {
  return {
    ok: false,
    message: `"${name}" looks like ${kind}, not a text file. Upload RIS, BibTeX, PubMed (.nbib), CSL-JSON or a list of DOIs/PMIDs.`,
  };
}

export function decodeUpload(bytes: Uint8Array, name: string): DecodedText | IntakeParseFailure {
  if (bytes.length > MAX_INTAKE_BYTES) {
    return { ok: false, message: `"${name}" is ${mb(bytes.length)}; uploads are limited to ${mb(MAX_INTAKE_BYTES)}.` };
  }
  const kind = MAGIC.find(([, sig]) => startsWith(bytes, sig))?.[0];
  if (kind) return binaryMessage(name, kind);
  const notices: string[] = [];
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
    notices.push('The file was read as UTF-16.');
  } else if (bytes.subarray(0, 8192).includes(0)) {
    return binaryMessage(name, 'a binary file');
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
      notices.push(
        'The file is not valid UTF-8, so it was read as Windows-1252 (Latin-1). Check accented letters; saving the file as UTF-8 avoids this.',
      );
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, message: `"${name}" is empty.` };
  const controls = text.slice(0, 65_536).match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.min(text.length, 65_536) / 100) return binaryMessage(name, 'a binary file');
  return { ok: true, text, notices };
}
