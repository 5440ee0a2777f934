import { readJsonObject } from '@/server/errors/http';
import { operationRoute } from '@/server/adapters/route';
import { pasteTextUseCase } from '@/server/use-cases/source-text';
import { SOURCE_TEXT_LIMITS } from '@/lib/sourcetext/types';

/** POST `{ "text": "…" }`: the text of the paper as plain text (at most 2,000,000 characters). */
export const POST = operationRoute(pasteTextUseCase, {
  status: 201,
  input: async ({ req, params }: { req: Request; params: { id: string } }) => ({
    ...(await readJsonObject(req, SOURCE_TEXT_LIMITS.maxChars * 4)),
    sourceId: params.id,
  }),
});
