import { describe, expect, it } from 'vitest';
import { segmentsForSpan, spanBetween, TEXT_NODE, textNodes, textOffsetWithin, type NodeLike } from './dom-offsets';

const t = (s: string): NodeLike => ({ nodeType: TEXT_NODE, nodeValue: s, childNodes: [] });
const el = (...children: NodeLike[]): NodeLike => ({ nodeType: 1, nodeValue: null, childNodes: children });

// <p>Exosomal <mark>miR-<mark>21</mark></mark> is taken up<mark> by</mark>.</p>  (text: "Exosomal miR-21 is taken up by.")
const hit = t('21');
const inner = el(hit);
const mir = t('miR-');
const mention = el(mir, inner);
const tail = t(' is taken up');
const by = t(' by');
const byMark = el(by);
const dot = t('.');
const p = el(t('Exosomal '), mention, tail, byMark, dot);
const text = 'Exosomal miR-21 is taken up by.';

describe('textOffsetWithin', () => {
  it('counts the text before a point in a text node, through nested marks', () => {
    expect(textOffsetWithin(p, mir, 0)).toBe(text.indexOf('miR'));
    expect(textOffsetWithin(p, hit, 1)).toBe(text.indexOf('1 is'));
    expect(textOffsetWithin(p, tail, 3)).toBe(text.indexOf('taken') - 1);
    expect(textOffsetWithin(p, dot, 1)).toBe(text.length);
  });

  it('counts whole children before a point in an element', () => {
    expect(textOffsetWithin(p, p, 0)).toBe(0);
    expect(textOffsetWithin(p, p, 2)).toBe(text.indexOf(' is'));
    expect(textOffsetWithin(p, p, 5)).toBe(text.length);
    expect(textOffsetWithin(p, mention, 1)).toBe(text.indexOf('21'));
    expect(textOffsetWithin(p, byMark, 0)).toBe(text.indexOf(' by'));
  });

  it('clamps an offset past the end of a text node and says null for a point outside', () => {
    expect(textOffsetWithin(p, dot, 9)).toBe(text.length);
    expect(textOffsetWithin(p, t('elsewhere'), 0)).toBeNull();
  });
});

describe('textNodes and segmentsForSpan', () => {
  it('lists the text nodes in document order', () => {
    expect(
      textNodes(p)
        .map((n) => n.nodeValue)
        .join(''),
    ).toBe(text);
  });

  it('cuts a span into per-node segments, crossing marks', () => {
    const lengths = textNodes(p).map((n) => n.nodeValue!.length); // [9, 4, 2, 12, 3, 1]
    const start = text.indexOf('R-21 is');
    expect(segmentsForSpan(lengths, start, start + 7)).toEqual([
      { node: 1, from: 2, to: 4 },
      { node: 2, from: 0, to: 2 },
      { node: 3, from: 0, to: 3 },
    ]);
    expect(segmentsForSpan(lengths, 0, 9)).toEqual([{ node: 0, from: 0, to: 9 }]);
    expect(segmentsForSpan(lengths, 30, 31)).toEqual([{ node: 5, from: 0, to: 1 }]);
    expect(segmentsForSpan(lengths, 5, 5)).toEqual([]);
  });
});

describe('spanBetween', () => {
  it('gives absolute offsets within one paragraph, leaving out surrounding whitespace', () => {
    const para = { start: 100, text: 'Exosomal miR-21 is taken up.' };
    expect(spanBetween({ ...para, offset: 8 }, { ...para, offset: 16 })).toEqual({ start: 109, end: 115 });
    expect(spanBetween({ ...para, offset: 0 }, { ...para, offset: 99 })).toEqual({ start: 100, end: 128 });
  });
  it('spans paragraphs and says null for whitespace only', () => {
    const a = { start: 0, text: 'One two.' };
    const b = { start: 10, text: 'Three four.' };
    expect(spanBetween({ ...a, offset: 4 }, { ...b, offset: 6 })).toEqual({ start: 4, end: 15 });
    expect(spanBetween({ ...a, offset: 3 }, { ...a, offset: 4 })).toBeNull();
    expect(spanBetween({ ...a, offset: 5 }, { ...a, offset: 5 })).toBeNull();
  });
});
