import { operationRoute } from '@/server/adapters/route';
import { createUserUseCase, listUsersUseCase } from '@/server/use-cases/admin';

export const dynamic = 'force-dynamic';

export const GET = operationRoute(listUsersUseCase, {
  input: async () => undefined,
  present: (users) => ({ users }),
});

export const POST = operationRoute(createUserUseCase, { status: 201 });
