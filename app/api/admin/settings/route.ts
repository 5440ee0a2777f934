import { readJsonObject } from '@/server/errors/http';
import { useCaseRoute } from '@/server/adapters/route';
import { getSettingsUseCase, updateSettingsUseCase } from '@/server/use-cases/admin';

export const dynamic = 'force-dynamic';

export const GET = useCaseRoute(getSettingsUseCase, { input: async () => undefined });

/** POST {approvalsRequired?, publicRead?}: change settings (admin). */
export const POST = useCaseRoute(updateSettingsUseCase, {
  input: async ({ req }) => readJsonObject(req, 10_000),
});
