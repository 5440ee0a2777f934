import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContent, testEngines } from '../test-utils';
import { createFinding, saveDraft, submitFinding } from './curation';
import { listApprovedFindings } from './findings';
import { countActionableQueue, decide, getReviewItem } from './review';
import { openReviewKit, type ReviewKit } from './review-test-kit';
import { getSettings, updateSettings } from './settings';

describe.each(testEngines())('review: publishing on %s', (engine) => {
  let t: ReviewKit['t'];
  let curator: ReviewKit['curator'];
  let reviewer: ReviewKit['reviewer'];
  let reviewer2: ReviewKit['reviewer2'];
  let admin: ReviewKit['admin'];
  let sourceId: ReviewKit['sourceId'];
  let findingRow: ReviewKit['findingRow'];
  let revisionId: ReviewKit['revisionId'];
  let reviewsOf: ReviewKit['reviewsOf'];
  let auditTrail: ReviewKit['auditTrail'];
  let queueItem: ReviewKit['queueItem'];

  beforeAll(async () => {
    ({ t, curator, reviewer, reviewer2, admin, sourceId, findingRow, revisionId, reviewsOf, auditTrail, queueItem } =
      await openReviewKit(engine));
  });
  afterAll(() => t.dispose());

  it('dual review: approve + request changes, then edit, resubmit and two approvals publish revision 2', async () => {
    expect((await updateSettings(t.db, admin.id, { approvalsRequired: 2 })).approvalsRequired).toBe(2);
    try {
      const base = {
        reviewer: await countActionableQueue(t.db, reviewer.id),
        reviewer2: await countActionableQueue(t.db, reviewer2.id),
        curator: await countActionableQueue(t.db, curator.id),
      };
      const counts = async () => ({
        reviewer: (await countActionableQueue(t.db, reviewer.id)) - base.reviewer,
        reviewer2: (await countActionableQueue(t.db, reviewer2.id)) - base.reviewer2,
        curator: (await countActionableQueue(t.db, curator.id)) - base.curator,
      });

      const f = await createFinding(t.db, curator, {
        sourceId,
        content: makeContent({ recipientCell: 'Dual review cells' }),
      });
      expect(await queueItem(reviewer, f.publicId)).toBeUndefined();
      const sub = await submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: 0 });
      expect(sub).toEqual({ lockVersion: 1, revisionNo: 1 });
      expect(await counts()).toEqual({ reviewer: 1, reviewer2: 1, curator: 0 });
      expect(await queueItem(reviewer, f.publicId)).toMatchObject({
        findingId: f.findingId,
        revisionNo: 1,
        submitterId: curator.id,
        submitter: 'Casey Curator',
        organ: 'Bone',
        isEdit: false,
        approvals: 0,
        decidedByMe: false,
        openFlags: 0,
      });

      // First approval of two: still awaiting review.
      const d1 = await decide(t.db, reviewer, {
        findingId: f.findingId,
        revisionNo: 1,
        lockVersion: 1,
        decision: 'approve',
        comment: '',
      });
      expect(d1).toEqual({ status: 'submitted', lockVersion: 2 });
      expect(await findingRow(f.findingId)).toMatchObject({
        status: 'submitted',
        approved_revision_id: null,
        approved_ms: null,
      });
      expect(await counts()).toEqual({ reviewer: 0, reviewer2: 1, curator: 0 });
      expect(await queueItem(reviewer, f.publicId)).toMatchObject({ revisionNo: 1, approvals: 1, decidedByMe: true });
      expect(await queueItem(reviewer2, f.publicId)).toMatchObject({ revisionNo: 1, approvals: 1, decidedByMe: false });
      expect((await listApprovedFindings(t.db)).some((r) => r.id === f.findingId)).toBe(false);
      const item1 = (await getReviewItem(t.db, f.publicId))!;
      expect(item1.latest.revisionNo).toBe(1);
      expect(item1.approved).toBeUndefined();
      expect(item1.authorName).toBe('Casey Curator');
      expect(item1.decisions.map((d) => [d.reviewer, d.decision])).toEqual([['Robin Reviewer', 'approve']]);

      // The second reviewer asks for changes.
      const d2 = await decide(t.db, reviewer2, {
        findingId: f.findingId,
        revisionNo: 1,
        lockVersion: 2,
        decision: 'request_changes',
        comment: '  Give the dose used.  ',
      });
      expect(d2).toEqual({ status: 'changes_requested', lockVersion: 3 });
      expect(await queueItem(reviewer, f.publicId)).toBeUndefined();
      expect(await queueItem(reviewer2, f.publicId)).toBeUndefined();
      expect(await counts()).toEqual({ reviewer: 0, reviewer2: 0, curator: 0 });
      expect(await reviewsOf(f.findingId)).toEqual([
        { revision_no: 1, reviewer_id: reviewer.id, decision: 'approve', comment: '' },
        { revision_no: 1, reviewer_id: reviewer2.id, decision: 'request_changes', comment: 'Give the dose used.' },
      ]);

      // The curator edits (a new revision) and resubmits.
      const saved = await saveDraft(t.db, curator, {
        findingId: f.findingId,
        lockVersion: 3,
        content: makeContent({
          recipientCell: 'Dual review cells',
          result: 'At 10 µg/mL, muscle EVs promote osteogenesis.',
        }),
        changeSummary: 'Add the dose',
      });
      expect(saved).toMatchObject({ revisionNo: 2, created: true, lockVersion: 4 });
      expect((await findingRow(f.findingId)).status).toBe('draft');
      expect(await counts()).toEqual({ reviewer: 0, reviewer2: 0, curator: 0 });
      const sub2 = await submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: 4 });
      expect(sub2).toEqual({ lockVersion: 5, revisionNo: 2 });
      // A new revision: earlier decisions do not carry over.
      expect(await counts()).toEqual({ reviewer: 1, reviewer2: 1, curator: 0 });
      expect(await queueItem(reviewer, f.publicId)).toMatchObject({ revisionNo: 2, approvals: 0, decidedByMe: false });
      const item2 = (await getReviewItem(t.db, f.publicId))!;
      expect([item2.latest.revisionNo, item2.latest.changeSummary, item2.decisions]).toEqual([2, 'Add the dose', []]);

      const d3 = await decide(t.db, reviewer, {
        findingId: f.findingId,
        revisionNo: 2,
        lockVersion: 5,
        decision: 'approve',
        comment: '',
      });
      expect(d3).toEqual({ status: 'submitted', lockVersion: 6 });
      expect(await counts()).toEqual({ reviewer: 0, reviewer2: 1, curator: 0 });
      expect(await queueItem(reviewer2, f.publicId)).toMatchObject({ revisionNo: 2, approvals: 1, decidedByMe: false });
      const d4 = await decide(t.db, reviewer2, {
        findingId: f.findingId,
        revisionNo: 2,
        lockVersion: 6,
        decision: 'approve',
        comment: 'Looks right.',
      });
      expect(d4).toEqual({ status: 'approved', lockVersion: 7 });
      expect(await counts()).toEqual({ reviewer: 0, reviewer2: 0, curator: 0 });
      expect(await queueItem(reviewer2, f.publicId)).toBeUndefined();

      const rev2 = await revisionId(f.findingId, 2);
      expect(saved.revisionId).toBe(rev2);
      const row = await findingRow(f.findingId);
      expect(row).toMatchObject({
        status: 'approved',
        lock_version: 7,
        latest_revision_id: rev2,
        approved_revision_id: rev2,
      });
      expect(row.approved_ms).toBeGreaterThan(Date.now() - 60_000);
      const listed = (await listApprovedFindings(t.db)).find((r) => r.id === f.findingId);
      expect(listed).toMatchObject({
        publicId: f.publicId,
        status: 'approved',
        revisionNo: 2,
        result: 'At 10 µg/mL, muscle EVs promote osteogenesis.',
        targetOrgan: 'Bone',
        recipientCell: 'Dual review cells',
        doi: '10.5555/review.test',
      });
      expect(listed!.approvedAt!.getTime()).toBe(row.approved_ms);

      expect(await auditTrail(f.findingId)).toEqual([
        ['finding.create', 'curator@example.org'],
        ['finding.submit', 'curator@example.org'],
        ['review.approve', 'reviewer@example.org'],
        ['review.request_changes', 'reviewer2@example.org'],
        ['finding.revision_start', 'curator@example.org'],
        ['finding.submit', 'curator@example.org'],
        ['review.approve', 'reviewer@example.org'],
        ['review.approve', 'reviewer2@example.org'],
        ['finding.approved', 'reviewer2@example.org'],
      ]);
      const [rc] = await t.query<{ detail: Record<string, unknown> }>(
        `select detail from audit_events where entity = 'finding' and entity_id = $1 and action = 'review.request_changes'`,
        [String(f.findingId)],
      );
      expect(rc!.detail).toEqual({
        revisionNo: 1,
        from: 'submitted',
        to: 'changes_requested',
        comment: 'Give the dose used.',
      });
    } finally {
      await updateSettings(t.db, admin.id, { approvalsRequired: 1 });
    }
    expect((await getSettings(t.db)).approvalsRequired).toBe(1);
  });
});
