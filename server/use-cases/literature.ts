/** From literature to sources (issue 13): upload records, screen them, undo a merge, suggest a paper. */
import 'server-only';
import { eq } from 'drizzle-orm';
import { intakeBatches } from '@/db/schema';
import { addCandidates, undoMerge } from '@/db/queries/intake';
import { decideScreening } from '@/db/queries/screening';
import { completeSourceFromCrossref } from '@/db/queries/source-completion';
import { getSettings } from '@/db/queries/settings';
import { DomainError } from '@/lib/errors';
import { parseIntakeFile } from '@/lib/intake/parse';
import { parseIdToken } from '@/lib/intake/ids';
import {
  candidateRefSchema,
  intakeUploadSchema,
  screeningDecisionSchema,
  suggestPaperSchema,
} from '@/lib/intake/schema';
import { defineUseCase } from '../use-case';

export const uploadIntakeUseCase = defineUseCase({
  name: 'intake.upload',
  role: 'curator',
  input: intakeUploadSchema,
  entity: 'intake',
  async run({ db, actor }, { filename, format, bytes }) {
    const parsed = parseIntakeFile(bytes, filename, format);
    if ('ok' in parsed) throw new DomainError('invalid', 'intake', parsed.message, 'file');
    const records = parsed.records.map((r) => r.record);
    return db.transaction(async (tx) => {
      const [batch] = await tx
        .insert(intakeBatches)
        .values({
          format: parsed.format,
          filename,
          bytes: bytes.byteLength,
          report: parsed.report,
          createdBy: actor.id,
        })
        .returning({ id: intakeBatches.id });
      const counts = await addCandidates(tx, actor.id, records, { origin: 'file', batchId: batch!.id });
      const { ids: _ids, ...totals } = counts;
      await tx.update(intakeBatches).set({ counts: totals }).where(eq(intakeBatches.id, batch!.id));
      return {
        batchId: batch!.id,
        format: parsed.format,
        counts: totals,
        report: parsed.report,
        notices: parsed.notices,
      };
    });
  },
  revalidate: () => ['/literature', '/literature/screen'],
});

export const decideScreeningUseCase = defineUseCase({
  name: 'screening.decide',
  role: 'curator',
  input: screeningDecisionSchema,
  entity: 'screening',
  async run({ db, actor }, input) {
    const { screeningMode } = await getSettings(db);
    const out = await decideScreening(db, actor.id, screeningMode, input);
    // The new source has the record's metadata; Crossref fills what it left empty, when reachable (never fails the decision).
    if (out.sourceCreated && out.sourceId)
      await completeSourceFromCrossref(db, actor.id, out.sourceId).catch(() => null);
    return out;
  },
  revalidate: () => ['/literature', '/literature/screen', '/literature/conflicts', '/my-work'],
});

export const undoMergeUseCase = defineUseCase({
  name: 'intake.unmerge',
  role: 'curator',
  input: candidateRefSchema,
  entity: 'candidate',
  async run({ db, actor }, { candidateId }) {
    await undoMerge(db, actor.id, candidateId);
    return { candidateId };
  },
  revalidate: () => ['/literature', '/literature/duplicates'],
});

export const suggestPaperUseCase = defineUseCase({
  name: 'intake.suggest',
  role: 'curator',
  input: suggestPaperSchema,
  entity: 'suggestion',
  async run({ db, actor }, { identifier, reason }) {
    const record = parseIdToken(identifier);
    if (!record) throw new DomainError('invalid', 'suggestion', 'Give a DOI (10.…) or a PMID (digits).', 'identifier');
    return db.transaction(async (tx) => {
      const { ids: _ids, ...counts } = await addCandidates(tx, actor.id, [record], {
        origin: 'suggestion',
        suggestedBy: actor.id,
        reason,
      });
      return counts;
    });
  },
  revalidate: () => ['/literature', '/literature/screen'],
});
