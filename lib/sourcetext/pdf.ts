/**
 * An uploaded PDF → a snapshot's text and sections, with pdfjs-dist (Mozilla's PDF.js, legacy build for Node).
 *
 * Checked before pdfjs sees a byte: the size (SOURCE_TEXT_LIMITS.maxPdfBytes) and the `%PDF-` signature in the
 * first 1024 bytes. pdfjs runs with eval, font faces, system fonts and any fetching off; in Node it parses in the
 * same process ("fake worker"). Password-protected files and files without a text layer (scans) are refused with
 * what to do instead. Only the first SOURCE_TEXT_LIMITS.maxPdfPages pages are read (the result says so).
 *
 * Text layout: a page's text items are joined into lines (a new line when pdfjs marks an end of line or the
 * baseline moves by more than half the font size); a gap larger than 1.8 line heights starts a new paragraph
 * (blank line); pages are separated by a blank line. Hyphens at line ends are kept as printed (the anchor layer
 * normalizes them when matching quotes). Sections then follow sections.ts, as for pasted text.
 */
import { extractFailure, type ExtractResult } from './result';
import { detectSections } from './sections';
import { SOURCE_TEXT_LIMITS } from './types';

import type { TextItem } from 'pdfjs-dist/types/src/display/api';

const PASTE_INSTEAD = 'paste the text instead';

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export function hasPdfSignature(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return head.indexOf('%PDF-', 0, 'latin1') !== -1;
}

/** Joins one page's text items into lines and paragraphs (see file header). */
export function pageText(items: readonly TextItem[]): string {
  let out = '';
  let lastY: number | null = null;
  let lastEndX = 0;
  let lastHeight = 0;
  let eol = false;
  for (const item of items) {
    const [, , , scaleY = 10, x = 0, y = 0] = item.transform as number[];
    const size = Math.abs(item.height) || Math.abs(scaleY) || 10;
    if (lastY !== null && (eol || Math.abs(y - lastY) > size / 2)) {
      const gap = Math.abs(lastY - y);
      out = out.replace(/[ \t]+$/, '');
      out += gap > 1.8 * Math.max(size, lastHeight) ? '\n\n' : '\n';
    } else if (lastY !== null && item.str && x - lastEndX > size * 0.2 && !/\s$/.test(out) && !/^\s/.test(item.str)) {
      out += ' ';
    }
    if (item.str) out += item.str;
    if (item.str || item.hasEOL) {
      eol = item.hasEOL;
      if (item.str) {
        lastY = y;
        lastEndX = x + item.width;
        lastHeight = size;
      }
    }
  }
  return out.replace(/[ \t]+$/gm, '').trim();
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;

/** Loads pdfjs once, with its worker code on the main thread (pdfjs' documented "fake worker" for Node). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const holder = globalThis as { pdfjsWorker?: unknown };
    // @ts-expect-error -- the worker bundle ships without type declarations; only its presence matters here.
    holder.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

function failureFor(err: unknown): ExtractResult {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') {
    return extractFailure(
      'encrypted_pdf',
      `This PDF is password-protected, so its text cannot be read; remove the password or ${PASTE_INSTEAD}.`,
    );
  }
  return extractFailure('bad_pdf', `This PDF is damaged or incomplete and cannot be read; ${PASTE_INSTEAD}.`);
}

/** Reads an uploaded PDF. Never throws. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractResult> {
  if (bytes.byteLength > SOURCE_TEXT_LIMITS.maxPdfBytes) {
    return extractFailure(
      'too_large',
      `The PDF is ${megabytes(bytes.byteLength)}; the app accepts PDFs up to ${megabytes(SOURCE_TEXT_LIMITS.maxPdfBytes)}.`,
    );
  }
  if (bytes.byteLength === 0) return extractFailure('empty', 'The file is empty.');
  if (!hasPdfSignature(bytes)) return extractFailure('not_pdf', 'This file is not a PDF.');

  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdfjs may take ownership of (detach) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pages: string[];
  let totalPages: number;
  try {
    const doc = await task.promise;
    totalPages = doc.numPages;
    pages = [];
    for (let n = 1; n <= Math.min(totalPages, SOURCE_TEXT_LIMITS.maxPdfPages); n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.filter((i) => 'str' in i)));
      page.cleanup();
    }
  } catch (err) {
    return failureFor(err);
  } finally {
    await task.destroy().catch(() => undefined);
  }

  const text = pages.filter((p) => p !== '').join('\n\n');
  if (text === '') {
    return extractFailure(
      'no_text',
      `This PDF has no text layer (it may be a scan); ${PASTE_INSTEAD}, or upload the article's XML.`,
    );
  }
  if (text.length > SOURCE_TEXT_LIMITS.maxChars) {
    return extractFailure('too_large', 'The PDF holds more text than the app accepts for one snapshot.');
  }
  const value = { text, sections: detectSections(text) };
  if (totalPages > SOURCE_TEXT_LIMITS.maxPdfPages) {
    return {
      ok: true,
      value,
      notice: `Only the first ${SOURCE_TEXT_LIMITS.maxPdfPages} of ${totalPages} pages were read.`,
    };
  }
  return { ok: true, value };
}
