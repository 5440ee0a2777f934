import { onFinding, operationRoute } from '@/server/adapters/route';
import { decideUseCase } from '@/server/use-cases/review';

/**
 * POST {decision, comment, revisionNo, lockVersion}: a reviewer's decision on the revision awaiting
 * review. The same use case as the review page.
 */
export const POST = operationRoute(decideUseCase, { input: onFinding<{ id: string }>(100_000), status: 201 });
