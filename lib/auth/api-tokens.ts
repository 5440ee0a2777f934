/** Personal API tokens: what a request to create one looks like, and how a token is written. */
import '../validation/zod-config';
import { z } from 'zod';
import { shortText } from '../validation/text';

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** `evx_` and 43 base64url characters (32 random bytes). */
export const TOKEN_PATTERN = /^evx_[A-Za-z0-9_-]{43}$/;
export const TOKEN_PREFIX_LENGTH = 12;

export const createApiTokenSchema = z.object({
  name: shortText(80),
  scope: z.enum(TOKEN_SCOPES, { error: 'Choose read or write.' }),
  expiresInDays: z
    .union([z.null(), z.coerce.number().int({ error: 'Whole days.' })], { error: 'Choose when it expires.' })
    .refine((d) => d === null || (d >= 1 && d <= 365), { error: 'Between 1 day and a year, or never.' })
    .default(90),
});
export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;
