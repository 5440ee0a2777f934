import { DomainError } from '@/lib/errors';
import { SOURCE_TEXT_LIMITS } from '@/lib/sourcetext/types';
import { operationRoute } from '@/server/adapters/route';
import { readBodyCapped } from '@/server/errors/http';
import { uploadTextUseCase } from '@/server/use-cases/source-text';

const MB = 1024 * 1024;

/**
 * POST ?kind=pdf|jats&name=paper.pdf with the file itself as the body: a PDF (at most 20 MB) or a JATS XML
 * article (at most 10 MB). The cap is checked against Content-Length before reading and again while reading.
 */
export const POST = operationRoute(uploadTextUseCase, {
  status: 201,
  input: async ({ req, params }: { req: Request; params: { id: string } }) => {
    const q = new URL(req.url).searchParams;
    const kind = q.get('kind');
    const cap = kind === 'pdf' ? SOURCE_TEXT_LIMITS.maxPdfBytes : SOURCE_TEXT_LIMITS.maxXmlBytes;
    let bytes: Uint8Array;
    try {
      bytes = await readBodyCapped(req, cap);
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'too_large')
        throw new DomainError(
          'too_large',
          'source_text',
          `The file is larger than ${cap / MB} MB, the limit for ${kind === 'pdf' ? 'a PDF' : 'an XML file'}; nothing was stored.`,
          'file',
        );
      throw e;
    }
    return { sourceId: params.id, kind: kind ?? undefined, filename: q.get('name') ?? '', bytes };
  },
});
