import './zod-config';
import { z } from 'zod';

// C0 controls except tab/newline/carriage return, plus DEL; NUL is the usual offender.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const SINGLE_LINE_CONTROL = /[\u0000-\u001F\u007F]/;
// A tag-like sequence (<b>, </p>, <script ...>); "p < 0.05" is not one.
const HTML_TAG = /<\/?[a-z!][^>]*>?/i;

export const LIMITS = {
  shortText: 300,
  longText: 10_000,
  listItems: 100,
  cargoItems: 200,
  email: 254,
  password: { min: 10, max: 200 },
} as const;

function plain(max: number, multiline: boolean) {
  return z
    .string({ error: 'Required.' })
    .max(max * 4, { error: `At most ${max.toLocaleString('en')} characters.` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(max, { error: `At most ${max.toLocaleString('en')} characters.` })
        .refine((s) => !(multiline ? CONTROL_CHARS : SINGLE_LINE_CONTROL).test(s), {
          error: multiline
            ? 'Contains a control character (such as NUL).'
            : 'Must be a single line without control characters (such as NUL).',
        })
        .refine((s) => !HTML_TAG.test(s), { error: 'HTML tags are not allowed; write plain text.' }),
    );
}

/** Required single-line text, trimmed. */
export const shortText = (max: number = LIMITS.shortText) =>
  plain(max, false).pipe(z.string().min(1, { error: 'Required.' }));
/** Optional single-line text; empty means not reported. */
export const optionalShortText = (max: number = LIMITS.shortText) => plain(max, false).default('');
/** Required multi-line text, trimmed. */
export const longText = (max: number = LIMITS.longText) =>
  plain(max, true).pipe(z.string().min(1, { error: 'Required.' }));
export const optionalLongText = (max: number = LIMITS.longText) => plain(max, true).default('');

export const emailSchema = z
  .string({ error: 'Enter an email address.' })
  .max(LIMITS.email, { error: 'That email address is too long.' })
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.org.' }));
