import { describe, expect, it } from 'vitest';
import { extractPdf, hasPdfSignature } from './pdf';
import { makeBlankPdf, makeEncryptedPdf, makeTextPdf } from './pdf-test-kit';
import { okValue, outline } from './sections-test-kit';
import { SOURCE_TEXT_LIMITS } from './types';

// The first test pays for loading pdfjs (a few seconds on a busy machine).
const SLOW = 60_000;

async function failure(bytes: Uint8Array) {
  const r = await extractPdf(bytes);
  if (r.ok) throw new Error('expected a failure');
  return r;
}

describe('extractPdf: text PDFs', () => {
  it(
    'joins items into lines, gaps into paragraphs, pages with a blank line; finds sections',
    async () => {
      const pdf = await makeTextPdf([
        [
          'Muscle EVs reach fat',
          '',
          'Abstract',
          'Running releases vesicles from',
          'skeletal muscle.',
          '',
          '1. Introduction',
        ],
        [
          'Working muscle talks to fat.',
          '',
          'Fig. 1. Plasma EVs by NTA.',
          '',
          'More text.',
          'References',
          '1. Doe J. 2019.',
        ],
      ]);
      const v = okValue(await extractPdf(pdf));
      expect(v.text).toBe(
        [
          'Muscle EVs reach fat',
          'Abstract\nRunning releases vesicles from\nskeletal muscle.',
          '1. Introduction',
          'Working muscle talks to fat.',
          'Fig. 1. Plasma EVs by NTA.',
          'More text.\nReferences\n1. Doe J. 2019.',
        ].join('\n\n'),
      );
      expect(outline(v).map(([kind, title]) => [kind, title])).toEqual([
        ['body', 'Text'],
        ['abstract', 'Abstract'],
        ['introduction', 'Introduction'],
        ['caption', 'Figure 1'],
        ['introduction', 'Introduction'],
        ['references', 'References'],
      ]);
    },
    SLOW,
  );

  it('leaves the caller’s bytes intact', async () => {
    const pdf = await makeTextPdf([['Muscle EVs.']]);
    const copy = pdf.slice();
    okValue(await extractPdf(pdf));
    expect(pdf.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(pdf).equals(Buffer.from(copy))).toBe(true);
  });

  it(
    'reads at most maxPdfPages pages and says so',
    async () => {
      const pages = Array.from({ length: SOURCE_TEXT_LIMITS.maxPdfPages + 2 }, (_, i) => [`Page ${i + 1} text.`]);
      const r = await extractPdf(await makeTextPdf(pages));
      const v = okValue(r);
      expect(v.text.endsWith(`Page ${SOURCE_TEXT_LIMITS.maxPdfPages} text.`)).toBe(true);
      expect(r.ok && r.notice).toBe(
        `Only the first ${SOURCE_TEXT_LIMITS.maxPdfPages} of ${SOURCE_TEXT_LIMITS.maxPdfPages + 2} pages were read.`,
      );
    },
    SLOW,
  );
});

describe('extractPdf: what is refused', () => {
  it('refuses a 50 MB "PDF" before parsing, fast and without memory growth', async () => {
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    const huge = new Uint8Array(50 * 1024 * 1024);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    const r = await failure(huge);
    const elapsed = performance.now() - t0;
    const growth = process.memoryUsage().rss - before;
    expect(r.code).toBe('too_large');
    expect(r.message).toBe('The PDF is 50 MB; the app accepts PDFs up to 20 MB.');
    expect(elapsed).toBeLessThan(1000);
    expect(growth).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a text file renamed to .pdf, and a signature past the first 1024 bytes', async () => {
    const r = await failure(new TextEncoder().encode('Muscle EVs, pasted into a file called paper.pdf\n'));
    expect(r).toEqual({ ok: false, code: 'not_pdf', message: 'This file is not a PDF.' });
    const late = new Uint8Array(2048);
    late.set(new TextEncoder().encode('%PDF-1.4'), 1500);
    expect(hasPdfSignature(late)).toBe(false);
    expect((await failure(late)).code).toBe('not_pdf');
    expect((await failure(new Uint8Array(0))).code).toBe('empty');
  });

  it(
    'refuses a truncated PDF cleanly, whatever the cut',
    async () => {
      const pdf = await makeTextPdf([['Muscle EVs reach fat.']]);
      expect((await failure(pdf.slice(0, 300))).code).toBe('bad_pdf');
      for (const cut of [9, 64, Math.floor(pdf.byteLength / 2), pdf.byteLength - 40]) {
        const r = await extractPdf(pdf.slice(0, cut));
        // pdfjs may rebuild a damaged file; either way there is a result, never an exception.
        if (!r.ok) expect(['bad_pdf', 'no_text']).toContain(r.code);
        else okValue(r);
      }
    },
    SLOW,
  );

  it('refuses a PDF whose pages have no text layer', async () => {
    const r = await failure(await makeBlankPdf(2));
    expect(r.code).toBe('no_text');
    expect(r.message).toMatch(/has no text layer.*paste the text instead/);
  });

  it('refuses a password-protected PDF', async () => {
    const r = await failure(makeEncryptedPdf());
    expect(r.code).toBe('encrypted_pdf');
    expect(r.message).toMatch(/password-protected/);
  });
});
