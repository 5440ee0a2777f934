import { describe, expect, it } from 'vitest';
import { screeningState, type ScreeningDecisionRow } from './state';

const s = (screener: string, decision: ScreeningDecisionRow['decision']): ScreeningDecisionRow => ({
  screener,
  decision,
  stage: 'screen',
});
const r = (screener: string, decision: ScreeningDecisionRow['decision']): ScreeningDecisionRow => ({
  screener,
  decision,
  stage: 'resolve',
});

describe('screeningState, single mode', () => {
  it('is unscreened without decisions and the first decision decides', () => {
    expect(screeningState('single', [])).toBe('unscreened');
    expect(screeningState('single', [s('ann', 'include')])).toBe('included');
    expect(screeningState('single', [s('ann', 'exclude'), s('bob', 'include')])).toBe('excluded');
    expect(screeningState('single', [s('ann', 'maybe')])).toBe('maybe');
  });

  it('lets the screener change their mind, and a resolve by someone else settle a maybe', () => {
    expect(screeningState('single', [s('ann', 'maybe'), s('ann', 'include')])).toBe('included');
    expect(screeningState('single', [s('ann', 'maybe'), r('admin', 'exclude')])).toBe('excluded');
    expect(screeningState('single', [s('ann', 'maybe'), r('ann', 'exclude')])).toBe('maybe');
  });
});

describe('screeningState, dual mode', () => {
  it('awaits a second screener, then agreement decides', () => {
    expect(screeningState('dual', [])).toBe('unscreened');
    expect(screeningState('dual', [s('ann', 'include')])).toBe('awaiting_second');
    expect(screeningState('dual', [s('ann', 'include'), s('ann', 'include')])).toBe('awaiting_second');
    expect(screeningState('dual', [s('ann', 'include'), s('bob', 'include')])).toBe('included');
    expect(screeningState('dual', [s('ann', 'exclude'), s('bob', 'exclude')])).toBe('excluded');
  });

  it('keeps agreed maybe as maybe until resolved', () => {
    expect(screeningState('dual', [s('ann', 'maybe'), s('bob', 'maybe')])).toBe('maybe');
    expect(screeningState('dual', [s('ann', 'maybe'), s('bob', 'maybe'), r('cat', 'include')])).toBe('included');
  });

  it('is a conflict when the two disagree, until a third person resolves it', () => {
    const conflict = [s('ann', 'include'), s('bob', 'exclude')];
    expect(screeningState('dual', conflict)).toBe('conflict');
    expect(screeningState('dual', [s('ann', 'include'), s('bob', 'maybe')])).toBe('conflict');
    expect(screeningState('dual', [...conflict, s('cat', 'include')])).toBe('conflict');
    expect(screeningState('dual', [...conflict, r('ann', 'include')])).toBe('conflict');
    expect(screeningState('dual', [...conflict, r('cat', 'exclude')])).toBe('excluded');
    expect(screeningState('dual', [...conflict, r('cat', 'exclude'), r('dan', 'include')])).toBe('included');
  });

  it('counts each screener’s latest decision', () => {
    expect(screeningState('dual', [s('ann', 'include'), s('bob', 'exclude'), s('bob', 'include')])).toBe('included');
    expect(screeningState('dual', [s('ann', 'include'), s('bob', 'include'), s('ann', 'exclude')])).toBe('conflict');
  });
});
