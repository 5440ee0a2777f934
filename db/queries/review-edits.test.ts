import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, makeContent, testEngines } from '../test-utils';
import { saveDraft, submitFinding } from './curation';
import { listApprovedFindings } from './findings';
import { decide, getReviewItem } from './review';
import { KIDNEY, TENDON, openReviewKit, type ReviewKit } from './review-test-kit';

describe.each(testEngines())('review: publishing on %s', (engine) => {
  let t: ReviewKit['t'];
  let curator: ReviewKit['curator'];
  let reviewer: ReviewKit['reviewer'];
  let findingRow: ReviewKit['findingRow'];
  let searchHits: ReviewKit['searchHits'];
  let reviewsOf: ReviewKit['reviewsOf'];
  let queueItem: ReviewKit['queueItem'];
  let seededApproved: ReviewKit['seededApproved'];

  beforeAll(async () => {
    ({ t, curator, reviewer, findingRow, searchHits, reviewsOf, queueItem, seededApproved } =
      await openReviewKit(engine));
  });
  afterAll(() => t.dispose());

  it('an edit of an approved finding stays unlisted until approved; then the listing shows it', async () => {
    const seed = await seededApproved(KIDNEY, 0);
    const before = await findingRow(seed.id);
    expect(before.target_organ).toBe(KIDNEY);
    const oldRev = before.approved_revision_id!;
    expect(await searchHits(seed.id, 'quokka')).toBe(0);
    const listedBefore = (await listApprovedFindings(t.db)).find((r) => r.id === seed.id)!;
    expect(listedBefore).toMatchObject({ targetOrgan: 'Kidney', revisionNo: 1 });

    const edited = makeContent({
      targetOrgan: TENDON,
      recipientCell: 'Quokka tenocytes',
      cargo: [{ name: 'miR-206', type: 'miRNA' }],
      result: 'Quokka EVs speed tendon healing.',
    });
    const saved = await saveDraft(t.db, curator, {
      findingId: seed.id,
      lockVersion: seed.lock_version,
      content: edited,
      changeSummary: 'Correct the organ',
    });
    expect(saved).toMatchObject({ revisionNo: 2, created: true });

    const unchanged = async (status: string) => {
      const row = await findingRow(seed.id);
      expect(row).toMatchObject({
        status,
        approved_revision_id: oldRev,
        latest_revision_id: saved.revisionId,
        target_organ: KIDNEY,
        cargo_text: before.cargo_text,
      });
      expect(row.approved_ms).toBe(before.approved_ms);
      expect(await searchHits(seed.id, 'quokka')).toBe(0);
      const listed = (await listApprovedFindings(t.db)).find((r) => r.id === seed.id);
      expect(listed).toMatchObject({
        status,
        targetOrgan: 'Kidney',
        revisionNo: 1,
        result: listedBefore.result,
        recipientCell: listedBefore.recipientCell,
      });
    };
    await unchanged('draft');
    const sub = await submitFinding(t.db, curator, { findingId: seed.id, lockVersion: saved.lockVersion });
    expect(sub.revisionNo).toBe(2);
    await unchanged('submitted');
    expect(await queueItem(reviewer, seed.public_id)).toMatchObject({
      revisionNo: 2,
      isEdit: true,
      organ: 'Tendon',
      submitterId: curator.id,
    });
    const item = (await getReviewItem(t.db, seed.public_id))!;
    expect([
      item.latest.revisionNo,
      item.latest.targetOrgan,
      item.approved?.revisionNo,
      item.approved?.targetOrgan,
    ]).toEqual([2, TENDON, 1, KIDNEY]);

    const d = await decide(t.db, reviewer, {
      findingId: seed.id,
      revisionNo: 2,
      lockVersion: sub.lockVersion,
      decision: 'approve',
      comment: '',
    });
    expect(d.status).toBe('approved');
    const after = await findingRow(seed.id);
    expect(after).toMatchObject({
      status: 'approved',
      approved_revision_id: saved.revisionId,
      latest_revision_id: saved.revisionId,
      target_organ: TENDON,
      cargo_text: 'miR-206',
    });
    expect(after.approved_ms).toBeGreaterThan(before.approved_ms!);
    expect(await searchHits(seed.id, 'quokka')).toBe(1);
    const list = await listApprovedFindings(t.db);
    expect(list[0]).toMatchObject({
      id: seed.id,
      status: 'approved',
      targetOrgan: 'Tendon',
      revisionNo: 2,
      result: 'Quokka EVs speed tendon healing.',
      recipientCell: 'Quokka tenocytes',
      cargo: [{ name: 'miR-206', type: 'miRNA' }],
    });
  });

  it('rejecting an edit of an approved finding keeps the approved revision listed', async () => {
    const seed = await seededApproved(KIDNEY, 1);
    const before = await findingRow(seed.id);
    const listedBefore = (await listApprovedFindings(t.db)).find((r) => r.id === seed.id)!;
    const saved = await saveDraft(t.db, curator, {
      findingId: seed.id,
      lockVersion: seed.lock_version,
      content: makeContent({
        targetOrgan: TENDON,
        recipientCell: 'Wombat tenocytes',
        result: 'Wombat EVs do something.',
      }),
      changeSummary: 'Dubious edit',
    });
    const sub = await submitFinding(t.db, curator, { findingId: seed.id, lockVersion: saved.lockVersion });
    const d = await decide(t.db, reviewer, {
      findingId: seed.id,
      revisionNo: 2,
      lockVersion: sub.lockVersion,
      decision: 'reject',
      comment: 'Not in the paper.',
    });
    expect(d).toEqual({ status: 'approved', lockVersion: sub.lockVersion + 1 });
    const row = await findingRow(seed.id);
    expect(row).toMatchObject({
      status: 'approved',
      approved_revision_id: before.approved_revision_id,
      latest_revision_id: saved.revisionId,
      target_organ: KIDNEY,
      cargo_text: before.cargo_text,
    });
    expect(row.approved_ms).toBe(before.approved_ms);
    expect(await searchHits(seed.id, 'wombat')).toBe(0);
    expect((await listApprovedFindings(t.db)).find((r) => r.id === seed.id)).toMatchObject({
      status: 'approved',
      revisionNo: 1,
      targetOrgan: 'Kidney',
      result: listedBefore.result,
    });
    expect((await reviewsOf(seed.id)).filter((r) => r.revision_no === 2)).toEqual([
      { revision_no: 2, reviewer_id: reviewer.id, decision: 'reject', comment: 'Not in the paper.' },
    ]);
    expect(await queueItem(reviewer, seed.public_id)).toBeUndefined();
    expect(
      await countOf(
        t,
        `select count(*)::int n from audit_events where entity_id = $1 and action = 'finding.approved'`,
        [String(seed.id)],
      ),
    ).toBe(0);
  });
});
