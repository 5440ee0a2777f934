/** Review: decide on a submitted revision, withdraw it (author), reopen a rejected finding (admin). */
import 'server-only';
import { z } from 'zod';
import { decide, getWorkflowTrail, reopen, withdraw } from '@/db/queries/review';
import { DomainError } from '@/lib/errors';
import { parsePublicId } from '@/lib/finding/public-id';
import { canSeeFinding } from '@/lib/policy/read';
import { decisionRequest, findingTransitionRequest } from '@/lib/workflow/requests';
import { defineUseCase } from '../use-case';

const REVIEW_PAGES = ['/review', '/findings', '/my-work'] as const;

export const decideUseCase = defineUseCase({
  name: 'review.decide',
  role: 'reviewer',
  input: decisionRequest,
  entity: 'review',
  async run({ db, actor }, input) {
    const r = await decide(db, actor, input);
    return { status: r.status, lockVersion: r.lockVersion };
  },
  revalidate: () => REVIEW_PAGES,
});

export const withdrawUseCase = defineUseCase({
  name: 'review.withdraw',
  role: 'curator',
  input: findingTransitionRequest,
  entity: 'finding',
  async run({ db, actor }, input) {
    const r = await withdraw(db, actor, input);
    return { revisionNo: r.revisionNo };
  },
  revalidate: () => REVIEW_PAGES,
});

export const reopenUseCase = defineUseCase({
  name: 'review.reopen',
  role: 'admin',
  input: findingTransitionRequest,
  entity: 'finding',
  async run({ db, actor }, input) {
    await reopen(db, actor, input);
  },
  revalidate: () => REVIEW_PAGES,
});

/** Where a finding stands (status, lock version, latest revision) and its audit trail; signed-in users. */
export const workflowTrailUseCase = defineUseCase({
  name: 'finding.workflow',
  role: 'curator',
  writes: false,
  input: z.object({ publicId: z.string() }),
  entity: 'finding',
  async run({ db, actor }, input) {
    const publicId = parsePublicId(input.publicId);
    const trail = publicId ? await getWorkflowTrail(db, publicId) : null;
    // Signed in, so public read does not matter; a draft never submitted is private to its author.
    if (!trail || !canSeeFinding({ viewer: actor, publicRead: false }, trail.visibility, trail.visibility.latest))
      throw new DomainError('not_found', 'finding', 'No such finding.');
    const { visibility: _v, ...body } = trail;
    return body;
  },
});
