/**
 * An operation, defined once: who may run it (a role), what it takes (a zod schema) and what it
 * does. Server actions (server/adapters/action.ts) and API routes (server/adapters/route.ts) are two
 * thin adapters over `execute`; neither calls the other.
 */
import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { hasRole } from '@/lib/auth/roles';
import { DomainError, invalidInput } from '@/lib/errors';
import type { Role } from '@/lib/vocab/terms';
import type { Actor } from './session';

export type UseCaseContext = { db: Db; actor: Actor };

export type UseCase<S extends z.ZodType, O> = {
  /** For logs and the authorization matrix, e.g. `finding.submit`. */
  name: string;
  role: Role;
  /** Reads may run with a read-only token; everything else needs a session or a write token. */
  writes: boolean;
  input: S;
  /** The entity a validation failure is reported against (`finding`, `source`…). */
  entity?: string;
  run: (ctx: UseCaseContext, input: z.output<S>) => Promise<O>;
  /** Pages whose rendering the operation changes (the action adapter revalidates them). */
  revalidate?: (input: z.output<S>, output: O) => readonly (string | readonly [string, 'page' | 'layout'])[];
};

export function defineUseCase<S extends z.ZodType, O>(uc: Omit<UseCase<S, O>, 'writes'> & { writes?: boolean }) {
  return { writes: true, ...uc } satisfies UseCase<S, O>;
}

/** Authorize, validate, run. Throws DomainError for every refusal; the adapters map it. */
export async function execute<S extends z.ZodType, O>(
  uc: UseCase<S, O>,
  actor: Actor | null,
  raw: unknown,
  /** The app's database unless given (tests pass their own). */
  db?: Db,
): Promise<{ input: z.output<S>; output: O }> {
  authorizeActor(uc, actor);
  const parsed = uc.input.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error.issues, uc.entity);
  const output = await uc.run({ db: db ?? (await getDb()), actor }, parsed.data);
  return { input: parsed.data, output };
}

export function authorizeActor(
  uc: Pick<UseCase<z.ZodType, unknown>, 'role' | 'writes'>,
  actor: Actor | null,
): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthorized', 'session', 'Sign in first.');
  if (!hasRole(actor.role, uc.role))
    throw new DomainError('forbidden', 'role', `This needs the ${uc.role} role; you are signed in as ${actor.role}.`);
  if (uc.writes && actor.scope !== 'write')
    throw new DomainError(
      'forbidden',
      'token',
      'This API token is read-only; create a read-write token to make changes.',
    );
}
