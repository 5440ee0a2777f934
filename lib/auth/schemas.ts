import '../validation/zod-config';
import { z } from 'zod';
import { ROLES } from '../vocab/terms';
import { emailSchema, LIMITS, shortText } from '../validation/text';

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, { error: 'Enter your password.' })
    .max(LIMITS.password.max, { error: 'Wrong email or password.' }),
});

const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

export const newUserSchema = z.object({
  email: emailSchema,
  name: shortText(120),
  role: z.enum(ROLES.values, { error: 'Choose a role.' }),
  orcid: z
    .string()
    .trim()
    .max(40)
    .transform((s) => s.replace(/^https?:\/\/orcid\.org\//i, ''))
    .refine((s) => s === '' || ORCID.test(s), { error: 'An ORCID iD looks like 0000-0002-1825-0097.' })
    .default(''),
  password: z
    .string({ error: 'Enter an initial password.' })
    .min(LIMITS.password.min, { error: `At least ${LIMITS.password.min} characters.` })
    .max(LIMITS.password.max, { error: `At most ${LIMITS.password.max} characters.` })
    .refine((s) => !s.includes('\u0000'), { error: 'Contains a control character (such as NUL).' }),
});

export const changeRoleSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: z.enum(ROLES.values, { error: 'Choose a role.' }),
});

export const setDisabledSchema = z.object({
  userId: z.coerce.number().int().positive(),
  disabled: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
});

export type NewUserInput = z.input<typeof newUserSchema>;
