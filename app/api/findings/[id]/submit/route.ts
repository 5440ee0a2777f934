import { onFinding, useCaseRoute } from '@/server/adapters/route';
import { submitFindingUseCase } from '@/server/use-cases/findings';

/** POST {lockVersion, content?, changeSummary?}: save and submit the caller's draft. */
export const POST = useCaseRoute(submitFindingUseCase, { input: onFinding<{ id: string }>() });
