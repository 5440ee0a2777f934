/**
 * The literature watch (issue 13, items 1b and 5): saved searches run on demand, a source's Crossref notices
 * checked on demand, and a reviewer keeping a finding of a retracted source in new releases.
 * `npm run jobs` (scripts/jobs.ts) runs the same queries on a schedule.
 */
import 'server-only';
import { z } from 'zod';
import { addReleaseOverride } from '@/db/queries/release-exclusions';
import { checkSourceUpdates } from '@/db/queries/retraction';
import { createSavedSearch, runSavedSearch } from '@/db/queries/saved-searches';
import { DomainError } from '@/lib/errors';
import { releaseOverrideSchema, savedSearchSchema, searchRefSchema } from '@/lib/literature/watch-schema';
import { literatureClients } from '../literature-clients';
import { defineUseCase } from '../use-case';

const turnedOff = (service: string) =>
  new DomainError('unavailable', 'search', `${service} is turned off on this server.`);

export const createSavedSearchUseCase = defineUseCase({
  name: 'search.create',
  role: 'curator',
  input: savedSearchSchema,
  entity: 'search',
  async run({ db, actor }, input) {
    const s = await createSavedSearch(db, actor.id, input);
    return { searchId: s.id };
  },
  revalidate: () => ['/literature/searches'],
});

export const runSavedSearchUseCase = defineUseCase({
  name: 'search.run',
  role: 'curator',
  input: searchRefSchema,
  entity: 'search',
  async run({ db, actor }, { searchId }) {
    const clients = literatureClients();
    if (!clients.europepmc) throw turnedOff('Searching Europe PMC');
    const r = await runSavedSearch(db, actor.id, searchId, 'manual', clients.europepmc);
    if (!r.ok) throw new DomainError('unavailable', 'search', r.message);
    return r;
  },
  revalidate: () => ['/literature', '/literature/searches', '/literature/screen', '/admin/jobs'],
});

export const checkSourceUpdatesUseCase = defineUseCase({
  name: 'source.check_updates',
  role: 'curator',
  input: z.object({ sourceId: z.coerce.number().int().positive() }),
  entity: 'source',
  async run({ db }, { sourceId }) {
    const clients = literatureClients();
    if (!clients.crossref) throw turnedOff('Asking Crossref');
    const r = await checkSourceUpdates(db, sourceId, clients.crossref);
    if (!r.ok) throw new DomainError(r.reason === 'not_found' ? 'not_found' : 'unavailable', 'source', r.message);
    return r;
  },
  revalidate: () => [['/sources/[...doi]', 'page'] as const, ['/findings/[id]', 'page'] as const],
});

export const releaseOverrideUseCase = defineUseCase({
  name: 'release.override',
  role: 'reviewer',
  input: releaseOverrideSchema,
  entity: 'release',
  async run({ db, actor }, input) {
    return addReleaseOverride(db, actor, input);
  },
  revalidate: () => [['/findings/[id]', 'page'] as const, '/releases'],
});
