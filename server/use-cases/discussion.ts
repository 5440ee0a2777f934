/** Comments and flags: anyone signed in comments and flags findings they can see; reviewers resolve flags. */
import 'server-only';
import type { Db } from '@/db/client';
import { addComment, raiseFlag, resolveFlag } from '@/db/queries/discussion';
import { getFindingVisibility } from '@/db/queries/visibility';
import { commentSchema, flagSchema, resolveFlagSchema } from '@/lib/discussion/schema';
import { DomainError } from '@/lib/errors';
import { canDiscuss } from '@/lib/policy/read';
import type { Actor } from '../session';
import { defineUseCase } from '../use-case';

/** The same answer as for a finding that does not exist: a private draft's existence is not disclosed. */
async function requireDiscussable(db: Db, actor: Actor, findingId: number) {
  const f = await getFindingVisibility(db, findingId);
  // Signed in, so public read does not matter here.
  if (!f || !canDiscuss({ viewer: actor, publicRead: false }, f, f.latest))
    throw new DomainError('not_found', 'finding', 'No such finding.');
}

const FINDING_PAGE = [['/findings/[id]', 'page']] as const;

export const addCommentUseCase = defineUseCase({
  name: 'discussion.comment',
  role: 'curator',
  input: commentSchema,
  entity: 'comment',
  async run({ db, actor }, input) {
    await requireDiscussable(db, actor, input.findingId);
    return addComment(db, actor, input);
  },
  revalidate: () => FINDING_PAGE,
});

export const raiseFlagUseCase = defineUseCase({
  name: 'discussion.flag',
  role: 'curator',
  input: flagSchema,
  entity: 'flag',
  async run({ db, actor }, input) {
    await requireDiscussable(db, actor, input.findingId);
    return raiseFlag(db, actor, input);
  },
  revalidate: () => FINDING_PAGE,
});

export const resolveFlagUseCase = defineUseCase({
  name: 'discussion.resolve_flag',
  role: 'reviewer',
  input: resolveFlagSchema,
  entity: 'flag',
  async run({ db, actor }, input) {
    await resolveFlag(db, actor, input);
  },
  revalidate: () => FINDING_PAGE,
});
