import { operationRoute } from '@/server/adapters/route';
import { readJsonObject } from '@/server/errors/http';
import { fetchTextUseCase } from '@/server/use-cases/source-text';

/** POST `{ "service": "europepmc" | "crossref" }`: fetch the open-access full text or the abstract. */
export const POST = operationRoute(fetchTextUseCase, {
  status: 201,
  input: async ({ req, params }: { req: Request; params: { id: string } }) => ({
    ...(await readJsonObject(req)),
    sourceId: params.id,
  }),
});
