import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captionTitle, detectSections, headingKind } from './sections';
import { expectWellFormed } from './sections-test-kit';

describe('headingKind', () => {
  it.each([
    ['Abstract', 'abstract'],
    ['INTRODUCTION', 'introduction'],
    ['Background:', 'introduction'],
    ['2. Materials & Methods', 'methods'],
    ['II. Results', 'results'],
    ['Results and discussion', 'results'],
    ['4 Discussion.', 'discussion'],
    ['Conclusion', 'conclusion'],
    ['Literature cited', 'references'],
    ['Acknowledgements', 'other'],
  ])('%s → %s', (heading, kind) => expect(headingKind(heading)).toBe(kind));

  it.each(['2.1 Cell culture', 'Results were mixed', 'The discussion', '12345. Results'])('%s is no heading', (h) => {
    expect(headingKind(h)).toBeNull();
  });
});

describe('captionTitle', () => {
  it.each([
    ['Figure 1. Muscle EVs', 'Figure 1'],
    ['Fig. 2: NTA', 'Figure 2'],
    ['FIG 3B. TEM', 'Figure 3B'],
    ['Table S2 | Primers', 'Table S2'],
    ['Figure 1 shows EVs', null],
    ['Figures 1 and 2.', null],
  ])('%s → %s', (line, title) => expect(captionTitle(line)).toBe(title));
});

describe('detectSections on any text', () => {
  const piece = fc.oneof(
    fc.constantFrom('Abstract', '2. Methods', 'Results', 'References', 'Figure 1. EVs.', 'Table 2: x', '', ' ', '\t'),
    fc.string({ maxLength: 30 }),
  );
  it('keeps sections in order, non-overlapping, within bounds, with only whitespace between', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        expectWellFormed({ text, sections: detectSections(text) });
      }),
      { numRuns: 500 },
    );
  });
});
