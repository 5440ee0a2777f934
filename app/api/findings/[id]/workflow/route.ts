import { operationRoute } from '@/server/adapters/route';
import { workflowTrailUseCase } from '@/server/use-cases/review';

export const dynamic = 'force-dynamic';

/** GET: where a finding stands (status, lock version, latest revision) and its audit trail. Signed-in users. */
export const GET = operationRoute(workflowTrailUseCase, {
  input: async ({ params }: { params: { id: string } }) => ({ publicId: params.id }),
});
