import { operationRoute } from '@/server/adapters/route';
import { createFindingUseCase } from '@/server/use-cases/findings';

/** POST {doi, content, changeSummary?}: start a new finding as a draft of the caller. */
export const POST = operationRoute(createFindingUseCase, { status: 201 });
