import { onFinding, operationRoute } from '@/server/adapters/route';
import { saveDraftUseCase } from '@/server/use-cases/findings';

/** PATCH {lockVersion, content, changeSummary?}: save a draft (the same use case as the form's autosave). */
export const PATCH = operationRoute(saveDraftUseCase, { input: onFinding<{ id: string }>() });
