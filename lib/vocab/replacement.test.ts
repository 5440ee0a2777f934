import { describe, expect, it } from 'vitest';
import { currentReplacement, type ReplacementLink } from './replacement';

const obsolete = (replacedBy: string | null): ReplacementLink => ({ obsolete: true, replacedBy });
const current: ReplacementLink = { obsolete: false, replacedBy: null };

function resolve(terms: Record<string, ReplacementLink>, curie: string) {
  return currentReplacement(curie, (c) => terms[c]);
}

describe('currentReplacement', () => {
  it('is the stated replacement when that is current', () => {
    expect(resolve({ A: obsolete('B'), B: current }, 'A')).toBe('B');
  });

  it('follows a chain of obsolete replacements to the current term', () => {
    const terms = { A: obsolete('B'), B: obsolete('C'), C: obsolete('D'), D: current };
    expect(resolve(terms, 'A')).toBe('D');
    expect(resolve(terms, 'B')).toBe('D');
    expect(resolve(terms, 'C')).toBe('D');
  });

  it('is null for a current term (it needs no replacement)', () => {
    expect(resolve({ A: current }, 'A')).toBeNull();
    expect(resolve({ A: { obsolete: false, replacedBy: 'B' }, B: current }, 'A')).toBeNull();
  });

  it('is null when the chain ends at an obsolete term with no replacement', () => {
    expect(resolve({ A: obsolete(null) }, 'A')).toBeNull();
    expect(resolve({ A: obsolete('B'), B: obsolete('C'), C: obsolete(null) }, 'A')).toBeNull();
  });

  it('is null when the chain reaches a term no vocabulary holds', () => {
    expect(resolve({ A: obsolete('B') }, 'A')).toBeNull();
    expect(resolve({}, 'A')).toBeNull();
  });

  it('stops on cycles: a term replaced by itself, two terms replacing each other, a loop further on', () => {
    expect(resolve({ A: obsolete('A') }, 'A')).toBeNull();
    expect(resolve({ A: obsolete('B'), B: obsolete('A') }, 'A')).toBeNull();
    expect(resolve({ A: obsolete('B'), B: obsolete('C'), C: obsolete('D'), D: obsolete('B') }, 'A')).toBeNull();
  });

  it('a long chain ends', () => {
    const terms: Record<string, ReplacementLink> = { T1000: current };
    for (let i = 0; i < 1000; i++) terms[`T${i}`] = obsolete(`T${i + 1}`);
    expect(resolve(terms, 'T0')).toBe('T1000');
  });
});
