import { onFinding, operationRoute } from '@/server/adapters/route';
import { submitFindingUseCase } from '@/server/use-cases/findings';

/** POST {lockVersion, content?, changeSummary?}: save and submit the caller's draft. */
export const POST = operationRoute(submitFindingUseCase, { input: onFinding<{ id: string }>() });
