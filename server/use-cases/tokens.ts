/**
 * Personal API tokens: their owner creates (the secret is shown once) and revokes them. Only from a
 * signed-in session — the server actions; no token can mint or revoke tokens.
 */
import 'server-only';
import { z } from 'zod';
import { createApiToken, revokeApiToken } from '@/db/queries/api-tokens';
import { createApiTokenSchema } from '@/lib/auth/api-tokens';
import { DomainError } from '@/lib/errors';
import type { Actor } from '../session';
import { defineUseCase } from '../use-case';

const TOKENS_PAGE = ['/settings/tokens'] as const;

function sessionOnly(actor: Actor) {
  if (actor.via !== 'session')
    throw new DomainError('forbidden', 'token', 'Manage API tokens from the settings page, signed in.');
}

export const createTokenUseCase = defineUseCase({
  name: 'token.create',
  role: 'curator',
  input: createApiTokenSchema,
  entity: 'token',
  async run({ db, actor }, input) {
    sessionOnly(actor);
    return createApiToken(db, actor.id, input);
  },
  revalidate: () => TOKENS_PAGE,
});

export const revokeTokenUseCase = defineUseCase({
  name: 'token.revoke',
  role: 'curator',
  input: z.object({
    tokenId: z.coerce.number({ error: 'Unknown token.' }).int().positive({ error: 'Unknown token.' }),
  }),
  entity: 'token',
  async run({ db, actor }, input) {
    sessionOnly(actor);
    await revokeApiToken(db, actor.id, input.tokenId);
  },
  revalidate: () => TOKENS_PAGE,
});
