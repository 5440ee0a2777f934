/**
 * Route handlers as adapters over use cases. `route()` answers every failure as JSON (never Next's
 * bare 500); `operationRoute()` adds the rest of a write endpoint: the caller (token or session) is
 * authorized before anything is looked up, so anonymous callers learn nothing about which ids
 * exist; the body is read with a cap; the use case runs; its output is the JSON answer.
 */
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb } from '@/db';
import { findingIdByPublicId } from '@/db/queries/my-work';
import { DomainError } from '@/lib/errors';
import { parsePublicId } from '@/lib/finding/public-id';
import { apiJson, errorResponse, readJsonObject } from '../errors/http';
import type { ReadContext } from '@/lib/policy/read';
import { requireReadAccess } from '../read-policy';
import { type Actor, actorFromRequest } from '../session';
import { authorizeActor, execute, type UseCase } from '../use-case';

export function route<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (e) {
      unstable_rethrow(e);
      return errorResponse(e);
    }
  };
}

type RouteArgs<P> = { req: Request; params: P; actor: Actor };

export function operationRoute<S extends z.ZodType, O, P = unknown>(
  uc: UseCase<S, O>,
  opts: {
    /** The raw input from the request; by default the JSON object body. */
    input?: (a: RouteArgs<P>) => Promise<unknown>;
    status?: number;
    present?: (output: O) => unknown;
  } = {},
) {
  return route(async (req: Request, ctx: { params: Promise<P> }) => {
    const actor = await actorFromRequest(req);
    authorizeActor(uc, actor);
    const args = { req, params: await ctx.params, actor };
    const raw = opts.input ? await opts.input(args) : await readJsonObject(req);
    const { output } = await execute(uc, actor, raw);
    return apiJson(opts.present ? opts.present(output) : (output ?? { ok: true }), opts.status ?? 200);
  });
}

/** The finding a `/api/findings/{EVX-id}/…` URL names, as its internal id (404 when there is none). */
export async function findingIdFromUrl(rawId: string): Promise<number> {
  const publicId = parsePublicId(rawId);
  const id = publicId ? await findingIdByPublicId(await getDb(), publicId) : null;
  if (!id) throw new DomainError('not_found', 'finding', 'No such finding.');
  return id;
}

/** A write on one finding: its id from the URL merged into the JSON body. */
export function onFinding<P extends { id: string }>(maxBytes?: number) {
  return async ({ req, params }: RouteArgs<P>) => ({
    ...(await readJsonObject(req, maxBytes)),
    findingId: await findingIdFromUrl(params.id),
  });
}

/**
 * A read route of the dataset: the caller (token of either scope, or session) and the read policy
 * (401 when the dataset is not public and nobody is signed in) before the handler runs.
 */
export function readRoute<P = unknown>(
  handler: (a: { req: Request; params: P; actor: Actor | null; policy: ReadContext }) => Promise<Response>,
) {
  return route(async (req: Request, ctx: { params: Promise<P> }) => {
    const actor = await actorFromRequest(req);
    const policy = await requireReadAccess(actor);
    return handler({ req, params: await ctx.params, actor, policy });
  });
}
