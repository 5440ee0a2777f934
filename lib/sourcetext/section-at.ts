import type { TextSection } from './types';

/** The section holding offset `at` (sections are ordered and do not overlap), or undefined. */
export function sectionAt(sections: readonly TextSection[], at: number): TextSection | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
