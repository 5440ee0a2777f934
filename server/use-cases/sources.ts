/** Sources: look a DOI up, add a source, correct its metadata. */
import 'server-only';
import { createSource, lookupDoi, updateSourceMetadata } from '@/db/queries/sources';
import { DomainError } from '@/lib/errors';
import { sourcePath } from '@/lib/sources/paths';
import { createSourceSchema, doiLookupSchema, updateSourceSchema } from '@/lib/sources/schema';
import { defineUseCase } from '../use-case';

export const lookupDoiUseCase = defineUseCase({
  name: 'source.lookup',
  role: 'curator',
  writes: false,
  input: doiLookupSchema,
  entity: 'source',
  async run({ db }, input) {
    const r = await lookupDoi(db, input.doi);
    if (r.kind === 'invalid') throw new DomainError('invalid', 'source', r.message, 'doi');
    return r;
  },
});

export const createSourceUseCase = defineUseCase({
  name: 'source.create',
  role: 'curator',
  input: createSourceSchema,
  entity: 'source',
  async run({ db, actor }, { origin, ...metadata }) {
    const source = await createSource(db, actor.id, metadata, origin);
    return { id: source.id, doi: source.doi };
  },
  revalidate: (_input, out) => [sourcePath(out.doi), '/'],
});

export const updateSourceUseCase = defineUseCase({
  name: 'source.update',
  role: 'curator',
  input: updateSourceSchema,
  entity: 'source',
  async run({ db, actor }, { sourceId, ...metadata }) {
    const { source, changed } = await updateSourceMetadata(db, actor.id, sourceId, metadata);
    return { doi: source.doi, changed };
  },
  revalidate: (_input, out) => [sourcePath(out.doi), '/findings'],
});
