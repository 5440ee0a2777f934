import '../validation/zod-config';
/** Inputs of the paper assignment operations (server/use-cases/assignments.ts): what the forms send. */
import { z } from 'zod';

const id = (what: string) =>
  z.coerce
    .number({ error: `Expected ${what}.` })
    .int({ error: `Expected ${what}.` })
    .positive({ error: `Expected ${what}.` });

/** The same list as the candidates table's check constraint (db/schema/literature.ts). */
export const CURATION_STATUSES = ['to_curate', 'in_progress', 'findings_submitted', 'done', 'no_findings'] as const;
export type CurationStatusValue = (typeof CURATION_STATUSES)[number];

export const CURATION_STATUS_LABELS: Record<CurationStatusValue, string> = {
  to_curate: 'To curate',
  in_progress: 'In progress',
  findings_submitted: 'Findings submitted',
  done: 'Done',
  no_findings: 'No findings',
};

export const paperRefSchema = z.object({ candidateId: id('a paper') });

export const assignPaperSchema = paperRefSchema.extend({
  /** '' (or absent) unassigns. */
  userId: z.preprocess((v) => (v === '' || v === undefined ? null : v), id('a user').nullable()),
});

export const curationStatusSchema = paperRefSchema.extend({
  status: z.enum(CURATION_STATUSES, { error: 'Choose a status.' }),
});
