/** Curation: create a finding, save a draft, submit, revert. */
import 'server-only';
import { createFinding, revertToRevision, saveDraft, submitFinding } from '@/db/queries/curation';
import { findSourceByDoi } from '@/db/queries/sources';
import { DomainError } from '@/lib/errors';
import { createFindingRequest, revertRequest, saveDraftRequest, submitFindingRequest } from '@/lib/finding/requests';
import { defineUseCase } from '../use-case';

const now = () => new Date().toISOString();

export const createFindingUseCase = defineUseCase({
  name: 'finding.create',
  role: 'curator',
  input: createFindingRequest,
  entity: 'finding',
  async run({ db, actor }, input) {
    let sourceId = input.sourceId;
    if (input.doi !== undefined) {
      const source = await findSourceByDoi(db, input.doi);
      if (!source)
        throw new DomainError('not_found', 'source', 'No source with that DOI; add it first.', 'doi', {
          fields: { doi: 'Not recorded yet; add the source first.' },
        });
      sourceId = source.id;
    }
    const r = await createFinding(db, actor, { ...input, sourceId: sourceId! });
    return { findingId: r.findingId, publicId: r.publicId, lockVersion: r.lockVersion, savedAt: now() };
  },
  // No page is revalidated: every page renders per request, and a refresh would re-render the
  // editor under its new URL mid-typing (the form moves itself to /findings/EVX-…/edit).
});

export const saveDraftUseCase = defineUseCase({
  name: 'finding.save_draft',
  role: 'curator',
  input: saveDraftRequest,
  entity: 'finding',
  async run({ db, actor }, input) {
    const r = await saveDraft(db, actor, input);
    return { lockVersion: r.lockVersion, revisionNo: r.revisionNo, savedAt: now() };
  },
});

export const submitFindingUseCase = defineUseCase({
  name: 'finding.submit',
  role: 'curator',
  input: submitFindingRequest,
  entity: 'finding',
  run: ({ db, actor }, input) => submitFinding(db, actor, input),
  revalidate: () => ['/my-work', '/findings', '/review'],
});

export const revertFindingUseCase = defineUseCase({
  name: 'finding.revert',
  role: 'curator',
  input: revertRequest,
  entity: 'finding',
  async run({ db, actor }, input) {
    const r = await revertToRevision(db, actor, input);
    return { revisionNo: r.revisionNo, lockVersion: r.lockVersion };
  },
  revalidate: () => ['/my-work'],
});
