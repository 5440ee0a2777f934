import { describe, expect, it } from 'vitest';
import type { ExtractedText } from './types';
import { buildBlocks, keptMentions, normalizeSections, splitParagraphs, type SectionBlock } from './blocks';

const m = (start: number, end: number) => ({ start, end });

/** Each paragraph's runs must tile it exactly, in order. */
function expectTiled(blocks: SectionBlock[]) {
  for (const s of blocks) {
    for (const p of s.paragraphs) {
      expect(p.runs[0]!.start).toBe(p.start);
      expect(p.runs.at(-1)!.end).toBe(p.end);
      for (let i = 1; i < p.runs.length; i++) expect(p.runs[i]!.start).toBe(p.runs[i - 1]!.end);
    }
  }
}

describe('splitParagraphs', () => {
  it('splits on blank lines, keeps single line breaks, trims each paragraph, drops empty ones', () => {
    const text = '  One line\nsame para.\n\n\nTwo.\n \t\nThree  \n\n   ';
    const ps = splitParagraphs(text, 0, text.length).map((p) => text.slice(p.start, p.end));
    expect(ps).toEqual(['One line\nsame para.', 'Two.', 'Three']);
  });

  it('gives absolute offsets inside a section', () => {
    const text = 'XXXX\n\nab\n\ncd';
    expect(splitParagraphs(text, 6, text.length)).toEqual([m(6, 8), m(10, 12)]);
  });
});

describe('normalizeSections', () => {
  it('keeps sections in order, clips them, drops overlaps and names the text between them', () => {
    const text = 'Title\n\nPreamble text\n\nAbstract body';
    const out = normalizeSections(text, [
      { kind: 'abstract', title: 'Abstract', start: 22, end: 999 },
      { kind: 'title', title: 'Title', start: 0, end: 5 },
      { kind: 'other', title: 'overlap', start: 3, end: 9 },
    ]);
    expect(out.map((s) => [s.kind, s.start, s.end])).toEqual([
      ['title', 0, 5],
      ['other', 5, 22],
      ['abstract', 22, text.length],
    ]);
  });

  it('makes the whole text one part when there are no sections', () => {
    expect(normalizeSections('abc', [])).toEqual([{ kind: 'other', title: '', start: 0, end: 3 }]);
    expect(normalizeSections('  \n ', [])).toEqual([]);
  });
});

describe('keptMentions', () => {
  const paras = [m(0, 10), m(12, 30)];
  it('drops mentions crossing a paragraph, outside the text or empty', () => {
    expect(keptMentions(30, paras, [m(8, 14), m(2, 4), m(28, 31), m(5, 5), m(-1, 2)])).toEqual([1]);
  });
  it('keeps the longer of two overlapping mentions, the earlier on a tie, in text order', () => {
    expect(keptMentions(30, paras, [m(13, 16), m(14, 20), m(0, 3), m(2, 5), m(20, 22)])).toEqual([2, 1, 4]);
  });
});

describe('buildBlocks', () => {
  const text = 'Exosomes\n\nmiR-21 in HUVEC.\nLine two.\n\nCD63 and TSG101';
  const input: ExtractedText = {
    text,
    sections: [
      { kind: 'title', title: 'Title', start: 0, end: 8 },
      { kind: 'results', title: ' Results ', start: 10, end: text.length },
    ],
  };
  const at = (s: string) => text.indexOf(s);
  const mention = (s: string) => m(at(s), at(s) + s.length);

  it('cuts sections into paragraphs and paragraphs into runs at mentions', () => {
    const blocks = buildBlocks(input, [mention('TSG101'), mention('miR-21'), mention('CD63')]);
    expect(blocks.map((b) => [b.kind, b.title])).toEqual([
      ['title', 'Title'],
      ['results', 'Results'],
    ]);
    const [p1, p2] = blocks[1]!.paragraphs;
    expect(text.slice(p1!.start, p1!.end)).toBe('miR-21 in HUVEC.\nLine two.');
    expect(p1!.runs).toEqual([{ start: at('miR-21'), end: at(' in'), mention: 1 }, m(at(' in'), p1!.end)]);
    expect(p2!.runs.map((r) => [text.slice(r.start, r.end), r.mention])).toEqual([
      ['CD63', 2],
      [' and ', undefined],
      ['TSG101', 0],
    ]);
    expectTiled(blocks);
  });

  it('flags runs inside find matches, cutting mentions, and clips a match at a paragraph end', () => {
    const blocks = buildBlocks(
      input,
      [mention('miR-21')],
      [m(at('21 in'), at(' HUVEC')), m(at('two.'), at('CD63') + 2)],
    );
    const [p1, p2] = blocks[1]!.paragraphs;
    expect(p1!.runs.map((r) => [text.slice(r.start, r.end), r.mention, r.match])).toEqual([
      ['miR-', 0, undefined],
      ['21', 0, true],
      [' in', undefined, true],
      [' HUVEC.\nLine ', undefined, undefined],
      ['two.', undefined, true],
    ]);
    expect(p2!.runs[0]).toEqual({ start: at('CD63'), end: at('CD63') + 2, match: true });
    expectTiled(blocks);
  });

  it('gives an untitled part a plain name and an empty text no blocks', () => {
    expect(buildBlocks({ text: 'Just text.', sections: [] })[0]!.title).toBe('Other text');
    expect(buildBlocks({ text: '', sections: [] })).toEqual([]);
  });

  it('handles a 100-page paper: 3,000 paragraphs, 5,000 mentions, some crossing or overlapping', () => {
    const words = ['miR-21', 'CD63', 'was', 'enriched', 'in', 'exosomes', 'from', 'HUVEC', 'cells', 'and'];
    const paras: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const n = 20 + (i % 7);
      // Every fifth paragraph has a line break between words: still one paragraph.
      paras.push(Array.from({ length: n }, (_, k) => words[(i + k) % words.length]).join(i % 5 ? ' ' : '\n'));
    }
    const big = paras.join('\n\n');
    expect(big.length).toBeGreaterThan(350_000);
    const mentions: { start: number; end: number }[] = [];
    for (let i = big.indexOf('miR-21'); i >= 0 && mentions.length < 5000; i = big.indexOf('miR-21', i + 1)) {
      mentions.push(m(i, i + 6));
      if (mentions.length % 50 === 0) mentions.push(m(i + 1, i + 4)); // overlaps, shorter: dropped
    }
    const lastPara = big.lastIndexOf('\n\n');
    mentions.push(m(lastPara - 3, lastPara + 4)); // crosses a paragraph boundary: dropped
    const blocks = buildBlocks(
      { text: big, sections: [{ kind: 'body', title: 'Body', start: 0, end: big.length }] },
      mentions,
    );
    const ps = blocks[0]!.paragraphs;
    expect(ps).toHaveLength(3000);
    expect(ps.map((p) => big.slice(p.start, p.end))).toEqual(paras);
    expectTiled(blocks);
    const marked = ps.flatMap((p) => p.runs.filter((r) => r.mention !== undefined));
    expect(marked.some((r) => r.mention === mentions.length - 1)).toBe(false);
    expect(marked.map((r) => [r.start, r.end])).toEqual(
      marked.map((r) => [mentions[r.mention!]!.start, mentions[r.mention!]!.end]),
    );
    expect(new Set(marked.map((r) => big.slice(r.start, r.end)))).toEqual(new Set(['miR-21']));
    const shorter = mentions.filter((x) => x.end - x.start === 3).length;
    expect(marked).toHaveLength(mentions.length - 1 - shorter);
  });
});
