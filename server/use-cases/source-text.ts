/** A source's text (issue 12, item 1): pasted, uploaded (PDF, JATS XML) or fetched (Europe PMC, Crossref). */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sources } from '@/db/schema';
import { addSnapshot, type AddSnapshotResult } from '@/db/queries/snapshots';
import { DomainError } from '@/lib/errors';
import { fetchCrossrefAbstract } from '@/lib/sourcetext/crossref-abstract';
import { fetchEuropePmcFullText } from '@/lib/sourcetext/europepmc';
import { extractJats } from '@/lib/sourcetext/jats';
import { extractPdf } from '@/lib/sourcetext/pdf';
import { extractPlainText } from '@/lib/sourcetext/plain';
import type { ExtractResult } from '@/lib/sourcetext/result';
import { fetchTextSchema, pasteTextSchema, uploadTextSchema } from '@/lib/sourcetext/schema';
import type { SnapshotOrigin } from '@/lib/sourcetext/types';
import { sourcePath } from '@/lib/sources/paths';
import { env } from '../env';
import { defineUseCase } from '../use-case';

const ENTITY = 'source_text';

async function sourceOf(db: Db, id: number) {
  const [s] = await db.select({ id: sources.id, doi: sources.doi }).from(sources).where(eq(sources.id, id));
  if (!s) throw new DomainError('not_found', 'source', 'No such source.');
  return s;
}

async function store(
  db: Db,
  actorId: number,
  source: { id: number; doi: string },
  origin: SnapshotOrigin,
  r: ExtractResult,
  field: string,
  detail: Record<string, string | number> = {},
) {
  if (!r.ok) throw new DomainError(r.code === 'too_large' ? 'too_large' : 'invalid', ENTITY, r.message, field);
  const out: AddSnapshotResult = await addSnapshot(db, actorId, {
    sourceId: source.id,
    origin,
    extracted: r.value,
    detail,
  });
  return { doi: source.doi, snapshotId: out.snapshot.id, created: out.created, reanchored: out.reanchored };
}

export const pasteTextUseCase = defineUseCase({
  name: 'source.text.paste',
  role: 'curator',
  input: pasteTextSchema,
  entity: ENTITY,
  async run({ db, actor }, { sourceId, text }) {
    const source = await sourceOf(db, sourceId);
    return store(db, actor.id, source, 'paste', extractPlainText(text), 'text');
  },
  revalidate: (_in, out) => [sourcePath(out.doi)],
});

export const uploadTextUseCase = defineUseCase({
  name: 'source.text.upload',
  role: 'curator',
  input: uploadTextSchema,
  entity: ENTITY,
  async run({ db, actor }, { sourceId, kind, filename, bytes }) {
    const source = await sourceOf(db, sourceId);
    const r = kind === 'pdf' ? await extractPdf(bytes) : extractJats(bytes);
    const detail = { filename: filename.slice(0, 255), bytes: bytes.byteLength };
    return store(db, actor.id, source, kind === 'pdf' ? 'pdf_upload' : 'jats_upload', r, 'file', detail);
  },
  revalidate: (_in, out) => [sourcePath(out.doi)],
});

const baseUrl = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
const isOff = (v: string | undefined) => v?.trim().toLowerCase() === 'off';

export const fetchTextUseCase = defineUseCase({
  name: 'source.text.fetch',
  role: 'curator',
  input: fetchTextSchema,
  entity: ENTITY,
  async run({ db, actor }, { sourceId, service }) {
    const source = await sourceOf(db, sourceId);
    const e = env();
    const setting = service === 'europepmc' ? e.EUROPEPMC_API_URL : e.CROSSREF_API_URL;
    if (isOff(setting))
      throw new DomainError('unavailable', ENTITY, 'Fetching text from this service is turned off on this server.');
    const r =
      service === 'europepmc'
        ? await fetchEuropePmcFullText({ doi: source.doi }, { baseUrl: baseUrl(setting) })
        : await fetchCrossrefAbstract(source.doi, { baseUrl: baseUrl(setting), mailto: e.CROSSREF_MAILTO });
    if (!r.ok)
      throw new DomainError(
        r.reason === 'not_found' || r.reason === 'no_text' ? 'not_found' : 'unavailable',
        ENTITY,
        r.message,
      );
    const origin = service === 'europepmc' ? 'europepmc' : 'crossref_abstract';
    return store(db, actor.id, source, origin, { ok: true, value: r.value }, 'service', r.detail);
  },
  revalidate: (_in, out) => [sourcePath(out.doi)],
});
