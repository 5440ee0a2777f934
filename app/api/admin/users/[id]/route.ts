import { readJsonObject } from '@/server/errors/http';
import { operationRoute } from '@/server/adapters/route';
import { updateUserUseCase } from '@/server/use-cases/admin';

/** PATCH {role?, disabled?}: change a user's role and/or disable or enable the account (admin). */
export const PATCH = operationRoute(updateUserUseCase, {
  input: async ({ req, params }: { req: Request; params: { id: string } }) => ({
    ...(await readJsonObject(req, 10_000)),
    userId: params.id,
  }),
});
