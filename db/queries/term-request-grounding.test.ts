import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptTermRequestUseCase,
  groundFindingsByTextUseCase,
  previewGroundingUseCase,
  requestTermUseCase,
} from '../../server/use-cases/term-requests';
import { domainFailure, testEngines } from '../test-utils';
import { createFinding, saveDraft, submitFinding } from './curation';
import { decide } from './review';
import { makeRequest, openTermRequestKit } from './term-requests-test-kit';

const TEXT = 'BM-MSC (H4)';
const FIBROBLAST = { curie: 'CL:0000057', label: 'fibroblast' };
const text = (label: string) => ({ curie: null, label });

describe.each(testEngines())('grounding findings by a request’s text on %s', (engine) => {
  let k: Awaited<ReturnType<typeof openTermRequestKit>>;
  let requestId: number;
  let curie: string;
  let cellNo = 0;
  const ids: Record<string, { id: number; publicId: string }> = {};

  /** A finding of the curator with these grounded lists, taken as far as `to`. */
  async function given(name: string, over: Record<string, unknown>, to: 'draft' | 'submitted' | 'approved') {
    const content = k.makeContent({ recipientCell: `Grounding cells ${++cellNo}`, ...over });
    const f = await createFinding(k.t.db, k.curator, { sourceId: k.sourceId, content });
    ids[name] = { id: f.findingId, publicId: f.publicId };
    if (to === 'draft') return;
    const s = await submitFinding(k.t.db, k.curator, { findingId: f.findingId, lockVersion: f.lockVersion });
    if (to === 'approved')
      await decide(k.t.db, k.reviewer, {
        findingId: f.findingId,
        revisionNo: 1,
        lockVersion: s.lockVersion,
        decision: 'approve',
        comment: '',
      });
  }

  const revisionsOf = async () =>
    k.t.query<{ finding_id: number; id: number; state: string }>(
      `select finding_id, id, concat_ws('|', revision_no, submitted_at, updated_at, change_summary,
              recipient_cell_terms::text, ev_source_terms::text, disease_terms::text) as state
         from finding_revisions where finding_id = any($1::int[]) order by id`,
      [Object.values(ids).map((f) => f.id)],
    );

  beforeAll(async () => {
    k = await openTermRequestKit(engine);
    ({ id: requestId } = await k.run(requestTermUseCase, k.curator, makeRequest({ label: TEXT })));
    ({ curie } = await k.run(acceptTermRequestUseCase, k.admin, { id: requestId, note: '' }));
    await given(
      'both',
      { recipientCellTerms: [text('bm-msc (h4)')], evSourceTerms: [text(TEXT), FIBROBLAST] },
      'approved',
    );
    await given('wrongField', { diseaseTerms: [text(TEXT)] }, 'approved');
    await given('otherText', { recipientCellTerms: [text('Other cells (H4)')] }, 'approved');
    await given('privateDraft', { recipientCellTerms: [text(TEXT)] }, 'draft');
    await given('awaitingReview', { recipientCellTerms: [text(TEXT)] }, 'submitted');
    await given('termTwice', { recipientCellTerms: [{ curie, label: TEXT }, text(` ${TEXT} `)] }, 'approved');
    await given('draftOnTop', { recipientCellTerms: [text(TEXT)] }, 'approved');
    const [f] = await k.t.query<{ lock_version: number }>(`select lock_version from findings where id = $1`, [
      ids.draftOnTop!.id,
    ]);
    await saveDraft(k.t.db, k.curator, {
      findingId: ids.draftOnTop!.id,
      lockVersion: f!.lock_version,
      content: k.makeContent({ recipientCell: 'Edited by its curator', recipientCellTerms: [text(TEXT)] }),
      changeSummary: 'Work in progress',
    });
    // The first database of a process is cloned from a template it builds (vocabularies loaded): slow on a busy machine.
  }, 180_000);
  afterAll(() => k.t.dispose());

  it('previews, then grounds exactly the findings using the text: one new submitted revision each, nothing else', async () => {
    const preview = await k.run(previewGroundingUseCase, k.admin, { id: requestId });
    expect(preview.term).toEqual({ curie, label: TEXT, kind: 'cell' });
    expect(preview.fields).toEqual(['evSourceTerms', 'recipientCellTerms']);
    expect(preview.ready).toEqual([ids.both!.publicId, ids.termTwice!.publicId]);
    // A private draft is its author's alone: not even named.
    expect(preview.skipped.map((s) => s.publicId)).toEqual([ids.awaitingReview!.publicId, ids.draftOnTop!.publicId]);
    expect(preview.skipped[0]!.reason).toMatch(/awaiting review/);
    expect(preview.skipped[1]!.reason).toMatch(/unsubmitted draft/);

    const before = await revisionsOf();
    const out = await k.run(groundFindingsByTextUseCase, k.admin, { id: requestId });
    expect(out.grounded).toEqual(preview.ready);
    expect(out.skipped).toEqual(preview.skipped);

    const after = await revisionsOf();
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    expect(added.map((r) => r.finding_id).sort()).toEqual([ids.both!.id, ids.termTwice!.id].sort());

    const rows = await k.t.query<Record<string, unknown>>(
      `select f.status, f.approved_revision_id = r.id as is_approved, r.revision_no, r.author_id, r.change_summary,
              r.submitted_at is not null as submitted, r.recipient_cell_terms, r.ev_source_terms
         from findings f join finding_revisions r on r.id = f.latest_revision_id where f.id = any($1::int[]) order by f.id`,
      [[ids.both!.id, ids.termTwice!.id]],
    );
    const summary = `Grounded “${TEXT}” to ${curie} (term request #${requestId})`;
    const grounded = { curie, label: TEXT };
    const common = { status: 'submitted', is_approved: false, revision_no: 2, author_id: k.admin.id, submitted: true };
    expect(rows[0]).toEqual({
      ...common,
      change_summary: summary,
      recipient_cell_terms: [grounded],
      ev_source_terms: [grounded, FIBROBLAST],
    });
    expect(rows[1]).toMatchObject({ ...common, recipient_cell_terms: [grounded] });

    // Run again: the grounded ones no longer use the text; the skipped ones are still skipped.
    const again = await k.run(groundFindingsByTextUseCase, k.admin, { id: requestId });
    expect(again).toEqual({ grounded: [], skipped: preview.skipped });
    expect(await revisionsOf()).toEqual(after);
  });

  it('grounds only for an admin, and only a request that was accepted or mapped', async () => {
    for (const who of [k.curator, k.reviewer]) {
      expect((await domainFailure(k.run(previewGroundingUseCase, who, { id: requestId }))).code).toBe('forbidden:role');
      expect((await domainFailure(k.run(groundFindingsByTextUseCase, who, { id: requestId }))).code).toBe(
        'forbidden:role',
      );
    }
    const open = await k.run(requestTermUseCase, k.curator, makeRequest({ label: 'Still open (H4)' }));
    const e = await domainFailure(k.run(groundFindingsByTextUseCase, k.admin, { id: open.id }));
    expect(e.code).toBe('conflict:term_request');
    expect(e.message).toMatch(/still open/);
  });
});
