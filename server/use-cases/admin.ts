/** Administration: accounts, roles and settings. */
import 'server-only';
import { z } from 'zod';
import { getSettings, updateSettings } from '@/db/queries/settings';
import { changeRole, createUser, listUsers, setUserDisabled } from '@/db/queries/users';
import { changeRoleSchema, newUserSchema, setDisabledSchema } from '@/lib/auth/schemas';
import { settingsUpdateSchema } from '@/lib/settings';
import { defineUseCase } from '../use-case';

const USERS_PAGE = ['/admin/users'] as const;

export const listUsersUseCase = defineUseCase({
  name: 'user.list',
  role: 'admin',
  writes: false,
  input: z.undefined().or(z.object({})),
  run: ({ db }) => listUsers(db),
});

export const createUserUseCase = defineUseCase({
  name: 'user.create',
  role: 'admin',
  input: newUserSchema,
  entity: 'user',
  async run({ db, actor }, input) {
    const user = await createUser(db, actor.id, input);
    return { id: user.id };
  },
  revalidate: () => USERS_PAGE,
});

export const changeRoleUseCase = defineUseCase({
  name: 'user.change_role',
  role: 'admin',
  input: changeRoleSchema,
  entity: 'user',
  async run({ db, actor }, input) {
    await changeRole(db, actor.id, input.userId, input.role);
  },
  revalidate: () => USERS_PAGE,
});

export const setDisabledUseCase = defineUseCase({
  name: 'user.set_disabled',
  role: 'admin',
  input: setDisabledSchema,
  entity: 'user',
  async run({ db, actor }, input) {
    await setUserDisabled(db, actor.id, input.userId, input.disabled);
  },
  revalidate: () => USERS_PAGE,
});

/** The API's PATCH: role and/or disabled, each applied (and audited) as its own change. */
export const updateUserUseCase = defineUseCase({
  name: 'user.update',
  role: 'admin',
  input: z
    .object({
      userId: z.coerce.number({ error: 'The user id must be a positive integer.' }).int().positive(),
      role: changeRoleSchema.shape.role.optional(),
      disabled: z.boolean({ error: 'true or false.' }).optional(),
    })
    .strict()
    .refine((b) => b.role !== undefined || b.disabled !== undefined, { error: 'Send role and/or disabled.' }),
  entity: 'user',
  async run({ db, actor }, input) {
    if (input.role !== undefined) await changeRole(db, actor.id, input.userId, input.role);
    if (input.disabled !== undefined) await setUserDisabled(db, actor.id, input.userId, input.disabled);
  },
  revalidate: () => USERS_PAGE,
});

export const getSettingsUseCase = defineUseCase({
  name: 'settings.get',
  role: 'admin',
  writes: false,
  input: z.undefined().or(z.object({})),
  run: ({ db }) => getSettings(db),
});

export const updateSettingsUseCase = defineUseCase({
  name: 'settings.update',
  role: 'admin',
  input: settingsUpdateSchema,
  entity: 'settings',
  run: ({ db, actor }, input) => updateSettings(db, actor.id, input),
  // Public read and the approval rule shape every page, not just this one.
  revalidate: () => [['/', 'layout']],
});
