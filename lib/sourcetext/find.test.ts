import { describe, expect, it } from 'vitest';
import { findAll, findInParagraphs, findPattern } from './find';

const texts = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('findAll', () => {
  it('is case-insensitive and finds every non-overlapping match', () => {
    const text = 'Exosomal miR-21; EXOSOMAL MIR-21 and exosomal mir-21a';
    const r = findAll(text, 'exosomal mir-21');
    expect(texts(text, r.spans)).toEqual(['Exosomal miR-21', 'EXOSOMAL MIR-21', 'exosomal mir-21']);
    expect(r.total).toBe(3);
  });

  it('lets one space in the query match any run of spaces and line breaks in the text', () => {
    const text = 'taken up by\n  recipient\tcells';
    const r = findAll(text, '  taken   up by recipient cells ');
    expect(texts(text, r.spans)).toEqual([text]);
    expect(findAll('recipientcells', 'recipient cells').total).toBe(0);
  });

  it('treats regular-expression characters literally', () => {
    const text = 'p < 0.05 (n = 3) [a] a.b a+b a*b ^$ \\ / |';
    for (const q of ['(n = 3)', '[a]', 'a.b', 'a+b', 'a*b', '^$', '\\', '|', '/']) {
      expect(texts(text, findAll(text, q).spans)).toEqual([q]);
    }
    expect(findAll('axb', 'a.b').total).toBe(0);
  });

  it('finds nothing for an empty or blank query', () => {
    expect(findAll('abc', '')).toEqual({ spans: [], total: 0 });
    expect(findAll('a b', '   ')).toEqual({ spans: [], total: 0 });
    expect(findPattern(' \n')).toBeNull();
  });

  it('caps the spans and still reports the total', () => {
    const text = 'ab '.repeat(2500);
    const r = findAll(text, 'AB');
    expect(r.spans).toHaveLength(1000);
    expect(r.total).toBe(2500);
    expect(r.spans[999]).toEqual({ start: 2997, end: 2999 });
    expect(findAll(text, 'ab', 10).spans).toHaveLength(10);
  });
});

describe('findInParagraphs', () => {
  it('gives absolute spans, never across paragraphs, with the cap across all of them', () => {
    const paragraphs = [
      { start: 10, text: 'CD63 and\nCD81' },
      { start: 40, text: 'cd63 only' },
    ];
    const r = findInParagraphs(paragraphs, 'cd63');
    expect(r).toEqual({
      spans: [
        { start: 10, end: 14 },
        { start: 40, end: 44 },
      ],
      total: 2,
    });
    expect(findInParagraphs(paragraphs, 'and CD81').spans).toEqual([{ start: 15, end: 23 }]);
    expect(findInParagraphs(paragraphs, 'CD81 cd63').total).toBe(0);
    expect(findInParagraphs(paragraphs, 'cd', 2)).toEqual({
      spans: [
        { start: 10, end: 12 },
        { start: 19, end: 21 },
      ],
      total: 3,
    });
  });
});
