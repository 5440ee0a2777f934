/** The invariants every extractor's sections must keep (types.ts): in order, non-overlapping, within the text. */
import { expect } from 'vitest';
import type { ExtractResult } from './result';
import type { ExtractedText } from './types';

export function expectWellFormed(value: ExtractedText): void {
  let previousEnd = 0;
  for (const s of value.sections) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(value.text.length);
    // What lies between sections is only whitespace, and no section starts or ends with it.
    expect(value.text.slice(previousEnd, s.start).trim()).toBe('');
    expect(value.text.slice(s.start, s.end)).toBe(value.text.slice(s.start, s.end).trim());
    previousEnd = s.end;
  }
  expect(value.text.slice(previousEnd).trim()).toBe('');
}

export function okValue(result: ExtractResult): ExtractedText {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  expectWellFormed(result.value);
  return result.value;
}

/** [kind, title, first words] of each section, for compact assertions. */
export function outline(value: ExtractedText): [string, string, string][] {
  return value.sections.map((s) => [s.kind, s.title, value.text.slice(s.start, Math.min(s.end, s.start + 24))]);
}
