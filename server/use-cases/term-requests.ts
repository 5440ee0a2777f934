/** Term requests: curators ask for a missing term; admins accept, map or decline, then ground the findings using its text. */
import 'server-only';
import { z } from 'zod';
import { groundFindingsByText, planGrounding } from '@/db/queries/term-request-grounding';
import {
  acceptTermRequest,
  createTermRequest,
  declineTermRequest,
  listTermRequests,
  mapTermRequest,
} from '@/db/queries/term-requests';
import {
  acceptTermRequestSchema,
  declineTermRequestSchema,
  groundByTextSchema,
  mapTermRequestSchema,
  TERM_REQUEST_STATUSES,
  termRequestSchema,
} from '@/lib/vocab/term-request-schema';
import { defineUseCase } from '../use-case';

const REQUESTS_PAGE = ['/terms/requests'] as const;
/** Grounding adds submitted revisions: the lists and queues that show them change. */
const GROUNDED_PAGES = ['/terms/requests', '/findings', '/review', '/my-work'] as const;

export const listTermRequestsUseCase = defineUseCase({
  name: 'term_request.list',
  role: 'curator',
  writes: false,
  input: z.object({ status: z.enum([...TERM_REQUEST_STATUSES, 'all']).default('all') }),
  run: ({ db }, { status }) => listTermRequests(db, status),
});

export const requestTermUseCase = defineUseCase({
  name: 'term_request.create',
  role: 'curator',
  input: termRequestSchema,
  entity: 'term_request',
  run: ({ db, actor }, input) => createTermRequest(db, actor, input),
  revalidate: () => REQUESTS_PAGE,
});

export const acceptTermRequestUseCase = defineUseCase({
  name: 'term_request.accept',
  role: 'admin',
  input: acceptTermRequestSchema,
  entity: 'term_request',
  run: ({ db, actor }, input) => acceptTermRequest(db, actor, input),
  revalidate: () => REQUESTS_PAGE,
});

export const mapTermRequestUseCase = defineUseCase({
  name: 'term_request.map',
  role: 'admin',
  input: mapTermRequestSchema,
  entity: 'term_request',
  run: ({ db, actor }, input) => mapTermRequest(db, actor, input),
  revalidate: () => REQUESTS_PAGE,
});

export const declineTermRequestUseCase = defineUseCase({
  name: 'term_request.decline',
  role: 'admin',
  input: declineTermRequestSchema,
  entity: 'term_request',
  run: ({ db, actor }, input) => declineTermRequest(db, actor, input),
  revalidate: () => REQUESTS_PAGE,
});

/** What grounding the request's text would do: the findings it would change and those it would skip, and why. */
export const previewGroundingUseCase = defineUseCase({
  name: 'term_request.ground_preview',
  role: 'admin',
  writes: false,
  input: groundByTextSchema,
  entity: 'term_request',
  async run({ db, actor }, { id }) {
    const plan = await planGrounding(db, actor, id);
    return {
      requestId: plan.requestId,
      text: plan.text,
      term: plan.term,
      fields: plan.fields,
      ready: plan.ready.map((f) => f.publicId),
      skipped: plan.skipped,
    };
  },
});

export const groundFindingsByTextUseCase = defineUseCase({
  name: 'term_request.ground',
  role: 'admin',
  input: groundByTextSchema,
  entity: 'term_request',
  run: ({ db, actor }, { id }) => groundFindingsByText(db, actor, id),
  revalidate: () => GROUNDED_PAGES,
});
