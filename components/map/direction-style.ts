import type { Direction } from '@/lib/vocab/terms';

/**
 * How each direction is drawn. Every colour keeps at least 5:1 against the white
 * page, and organ → muscle is also dashed, so colour is never the only cue.
 */
export const DIRECTION_STYLE: Record<Direction, { colour: string; dash?: string }> = {
  muscle_to_organ: { colour: '#0a5bc4' },
  organ_to_muscle: { colour: '#a34700', dash: '10 5' },
  within_muscle: { colour: '#7a2e8e' },
};

export const MUSCLE_FILL = '#9f1d35';
