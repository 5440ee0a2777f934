import { describe, expect, it } from 'vitest';
import { emailSchema, longText, shortText } from './text';

describe('plain text fields', () => {
  it('trims and accepts ordinary text, including a less-than sign', () => {
    expect(shortText().parse('  p < 0.05 in mice ')).toBe('p < 0.05 in mice');
  });
  it.each([
    ['empty', '', 'Required.'],
    ['blank', '   ', 'Required.'],
    ['NUL byte', 'miR\u0000-1', 'control character'],
    ['HTML', '<script>alert(1)</script>', 'HTML tags are not allowed'],
    ['100 kB', 'x'.repeat(100_000), 'At most 300 characters'],
  ])('rejects %s with a message', (_name, input, message) => {
    const r = shortText().safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain(message);
  });
  it('keeps newlines in long text but still refuses NUL', () => {
    expect(longText().parse('line 1\nline 2')).toBe('line 1\nline 2');
    expect(longText().safeParse('a\u0000b').success).toBe(false);
  });
  it('normalizes email case', () => {
    expect(emailSchema.parse(' Curator@Example.ORG ')).toBe('curator@example.org');
    expect(emailSchema.safeParse('not an email').success).toBe(false);
  });
});
