import { readJsonObject } from '@/server/errors/http';
import { operationRoute } from '@/server/adapters/route';
import { getSettingsUseCase, updateSettingsUseCase } from '@/server/use-cases/admin';

export const dynamic = 'force-dynamic';

export const GET = operationRoute(getSettingsUseCase, { input: async () => undefined });

/** POST {approvalsRequired?, publicRead?}: change settings (admin). */
export const POST = operationRoute(updateSettingsUseCase, {
  input: async ({ req }) => readJsonObject(req, 10_000),
});
