import { useCaseRoute } from '@/server/adapters/route';
import { createUserUseCase, listUsersUseCase } from '@/server/use-cases/admin';

export const dynamic = 'force-dynamic';

export const GET = useCaseRoute(listUsersUseCase, {
  input: async () => undefined,
  present: (users) => ({ users }),
});

export const POST = useCaseRoute(createUserUseCase, { status: 201 });
