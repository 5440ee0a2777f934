/** Included papers to curators (issue 13, item 4): assign (reviewers and admins), claim, set the curation status. */
import 'server-only';
import { assignPaper, claimPaper, setCurationStatus } from '@/db/queries/assignments';
import { assignPaperSchema, curationStatusSchema, paperRefSchema } from '@/lib/literature/assignment-schema';
import { defineUseCase } from '../use-case';

const pages = ['/literature/papers', '/literature', '/my-work'] as const;

export const assignPaperUseCase = defineUseCase({
  name: 'paper.assign',
  role: 'reviewer',
  input: assignPaperSchema,
  entity: 'paper',
  run: ({ db, actor }, { candidateId, userId }) => assignPaper(db, actor.id, candidateId, userId),
  revalidate: () => pages,
});

export const claimPaperUseCase = defineUseCase({
  name: 'paper.claim',
  role: 'curator',
  input: paperRefSchema,
  entity: 'paper',
  run: ({ db, actor }, { candidateId }) => claimPaper(db, actor.id, candidateId),
  revalidate: () => pages,
});

export const setCurationStatusUseCase = defineUseCase({
  name: 'paper.status',
  role: 'curator',
  input: curationStatusSchema,
  entity: 'paper',
  run: ({ db, actor }, { candidateId, status }) => setCurationStatus(db, actor, candidateId, status),
  revalidate: () => pages,
});
