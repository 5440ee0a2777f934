import { describe, expect, it } from 'vitest';
import { sha256Hex } from './hash';
import { extractPlainText } from './plain';
import { okValue, outline } from './sections-test-kit';
import { SOURCE_TEXT_LIMITS } from './types';

function failure(input: string) {
  const r = extractPlainText(input);
  if (r.ok) throw new Error('expected a failure');
  return r;
}

describe('extractPlainText: what is refused', () => {
  it('refuses NUL with its line and column', () => {
    const r = failure('Abstract\nMuscle EVs carry\nmiR-133a\u0000 to fat.');
    expect(r.code).toBe('control_chars');
    expect(r.message).toContain('U+0000, NUL');
    expect(r.message).toContain('line 3, column 9');
  });

  it('counts CRLF and lone CR as one line end each, and columns in characters', () => {
    expect(failure('one\r\ntwo\rthree\n😀x\u001b').message).toContain('line 4, column 3');
    expect(failure('a\r\n\r\n\u0007').message).toContain('line 3, column 1');
  });

  it('refuses ESC, DEL, C1 controls, form feed and lone surrogates; names the first one', () => {
    expect(failure('ok \u001b[31m red').message).toContain('U+001B, ESC');
    expect(failure('x\u007f').message).toContain('U+007F, DEL');
    expect(failure('mis-decoded \u0092 quote').message).toContain('U+0092');
    expect(failure('page\fbreak').message).toContain('form feed');
    const lone = failure('broken \ud83d here \u0000');
    expect(lone.message).toContain('U+D83D');
    expect(lone.message).toContain('column 8');
    expect(failure('low \udc00 alone').code).toBe('control_chars');
  });

  it('keeps tabs, line ends and astral characters', () => {
    const v = okValue(extractPlainText('a\tb\r\nc 😀 d'));
    expect(v.text).toBe('a\tb\nc 😀 d');
  });

  it('refuses empty and whitespace-only text', () => {
    expect(failure('').code).toBe('empty');
    expect(failure(' \n\t\r\n \u00a0').code).toBe('empty');
  });

  it('refuses text over the character limit, and accepts it at the limit', () => {
    const max = SOURCE_TEXT_LIMITS.maxChars;
    expect(failure('a'.repeat(max + 1)).code).toBe('too_large');
    expect(failure('a'.repeat(max * 2 + 1)).code).toBe('too_large');
    expect(extractPlainText('a'.repeat(max)).ok).toBe(true);
    // CRLF counts once after normalization.
    expect(extractPlainText('a\r\n'.repeat(max / 2 - 1)).ok).toBe(true);
  });
});

describe('extractPlainText: text and sections', () => {
  it('normalizes line ends, drops a BOM and trims the whole text', () => {
    const v = okValue(extractPlainText('\uFEFF\r\n  Muscle\rEVs\r\n\r\n'));
    expect(v.text).toBe('Muscle\nEVs');
  });

  it('finds headings, numbered headings, sub-headings and captions', () => {
    const text = [
      'Muscle EVs reach fat',
      '',
      'ABSTRACT',
      'Running releases vesicles.',
      '',
      '1. Introduction',
      'Muscle talks to fat.',
      '',
      '2. Materials and Methods:',
      '2.1 Cell culture',
      'C2C12 myotubes were grown.',
      '',
      'Fig. 2. EVs by NTA.',
      'Mode 92 nm.',
      '',
      'More methods.',
      '',
      'Results',
      'miR-133a rose.',
      'Table 1: Primers.',
      '',
      'Discussion',
      'It fits.',
      'Conclusions',
      'Done.',
      'References',
      '1. Doe J. Figures. 2019.',
      '',
      'Figure 3. not a caption here',
    ].join('\n');
    const v = okValue(extractPlainText(text));
    expect(outline(v)).toEqual([
      ['body', 'Text', 'Muscle EVs reach fat'],
      ['abstract', 'ABSTRACT', 'ABSTRACT\nRunning release'],
      ['introduction', 'Introduction', '1. Introduction\nMuscle t'],
      ['methods', 'Materials and Methods', '2. Materials and Methods'],
      ['caption', 'Figure 2', 'Fig. 2. EVs by NTA.\nMode'],
      ['methods', 'Materials and Methods', 'More methods.'],
      ['results', 'Results', 'Results\nmiR-133a rose.\nT'],
      ['discussion', 'Discussion', 'Discussion\nIt fits.'],
      ['conclusion', 'Conclusions', 'Conclusions\nDone.'],
      ['references', 'References', 'References\n1. Doe J. Fig'],
    ]);
    // A caption runs to the next blank line, not further.
    const caption = v.sections[4];
    expect(v.text.slice(caption?.start, caption?.end)).toBe('Fig. 2. EVs by NTA.\nMode 92 nm.');
  });

  it('treats text without headings as one body section', () => {
    const v = okValue(extractPlainText('Muscle EVs carry miR-1.\n\nThey reach fat.'));
    expect(v.sections).toEqual([{ kind: 'body', title: 'Text', start: 0, end: v.text.length }]);
  });

  it('does not take a sentence or a long line for a heading', () => {
    const v = okValue(extractPlainText('Results of the pilot were mixed.\nMethods differ.\nFigure 1 shows EVs.'));
    expect(v.sections.map((s) => s.kind)).toEqual(['body']);
  });

  it('keeps a caption that opens the text', () => {
    const v = okValue(extractPlainText('Figure 1. Muscle EVs.\n\nBody text.'));
    expect(outline(v).map(([k]) => k)).toEqual(['caption', 'body']);
  });
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // "é" is two bytes in UTF-8 (c3 a9), not one.
    expect(sha256Hex('é')).toBe(sha256Hex(Buffer.from([0xc3, 0xa9]).toString('utf8')));
    expect(sha256Hex('é')).not.toBe(sha256Hex('e\u0301'));
  });
});
