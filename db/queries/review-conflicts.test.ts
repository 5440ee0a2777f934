import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors';
import { countOf, domainFailure, testEngines } from '../test-utils';
import { saveDraft, submitFinding } from './curation';
import { decide } from './review';
import { openReviewKit, type ReviewKit } from './review-test-kit';
import { updateSettings } from './settings';

describe.each(testEngines())('review rules on %s', (engine) => {
  let t: ReviewKit['t'];
  let curator: ReviewKit['curator'];
  let reviewer: ReviewKit['reviewer'];
  let reviewer2: ReviewKit['reviewer2'];
  let admin: ReviewKit['admin'];
  let emailOf: ReviewKit['emailOf'];
  let findingRow: ReviewKit['findingRow'];
  let revisionId: ReviewKit['revisionId'];
  let reviewsOf: ReviewKit['reviewsOf'];
  let givenSubmitted: ReviewKit['givenSubmitted'];

  beforeAll(async () => {
    ({ t, curator, reviewer, reviewer2, admin, emailOf, findingRow, revisionId, reviewsOf, givenSubmitted } =
      await openReviewKit(engine));
  });
  afterAll(() => t.dispose());

  it('deciding twice, on a stale lock version, on an older revision or on a decided finding is a conflict', async () => {
    await updateSettings(t.db, admin.id, { approvalsRequired: 2 });
    try {
      const f = await givenSubmitted();
      const d1 = await decide(t.db, reviewer, {
        findingId: f.findingId,
        revisionNo: 1,
        lockVersion: f.lockVersion,
        decision: 'approve',
        comment: '',
      });
      expect(d1.status).toBe('submitted');
      const twice = await domainFailure(
        decide(t.db, reviewer, {
          findingId: f.findingId,
          revisionNo: 1,
          lockVersion: d1.lockVersion,
          decision: 'approve',
          comment: '',
        }),
      );
      expect(twice.kind).toBe('conflict');
      expect(twice.message).toMatch(/already decided/);
      const twice2 = await domainFailure(
        decide(t.db, reviewer, {
          findingId: f.findingId,
          revisionNo: 1,
          lockVersion: d1.lockVersion,
          decision: 'request_changes',
          comment: 'Changed my mind.',
        }),
      );
      expect(twice2.kind).toBe('conflict');

      // A stale lock version: nothing written, and the current state comes back.
      const stale = await domainFailure(
        decide(t.db, reviewer2, {
          findingId: f.findingId,
          revisionNo: 1,
          lockVersion: f.lockVersion,
          decision: 'approve',
          comment: '',
        }),
      );
      expect(stale.code).toBe('conflict:finding');
      expect((stale.details?.current as { lockVersion: number }).lockVersion).toBe(d1.lockVersion);
      expect(await reviewsOf(f.findingId)).toEqual([
        { revision_no: 1, reviewer_id: reviewer.id, decision: 'approve', comment: '' },
      ]);
      expect(await findingRow(f.findingId)).toMatchObject({ status: 'submitted', lock_version: d1.lockVersion });
    } finally {
      await updateSettings(t.db, admin.id, { approvalsRequired: 1 });
    }

    // An older revision than the one awaiting review.
    const g = await givenSubmitted();
    const rc = await decide(t.db, reviewer, {
      findingId: g.findingId,
      revisionNo: 1,
      lockVersion: g.lockVersion,
      decision: 'request_changes',
      comment: 'Fix it.',
    });
    const s = await saveDraft(t.db, curator, {
      findingId: g.findingId,
      lockVersion: rc.lockVersion,
      content: { ...g.content, result: 'Fixed.' },
      changeSummary: 'Fix',
    });
    const sub = await submitFinding(t.db, curator, { findingId: g.findingId, lockVersion: s.lockVersion });
    expect(sub.revisionNo).toBe(2);
    const older = await domainFailure(
      decide(t.db, reviewer2, {
        findingId: g.findingId,
        revisionNo: 1,
        lockVersion: sub.lockVersion,
        decision: 'approve',
        comment: '',
      }),
    );
    expect(older.kind).toBe('conflict');
    expect(older.message).toMatch(/newer revision/);
    const future = await domainFailure(
      decide(t.db, reviewer2, {
        findingId: g.findingId,
        revisionNo: 3,
        lockVersion: sub.lockVersion,
        decision: 'approve',
        comment: '',
      }),
    );
    expect(future.kind).toBe('conflict');
    expect((await reviewsOf(g.findingId)).filter((r) => r.revision_no === 2)).toEqual([]);
    expect((await findingRow(g.findingId)).status).toBe('submitted');

    // Already approved: nothing more to decide.
    const a = await decide(t.db, reviewer2, {
      findingId: g.findingId,
      revisionNo: 2,
      lockVersion: sub.lockVersion,
      decision: 'approve',
      comment: '',
    });
    expect(a.status).toBe('approved');
    for (const decision of ['approve', 'reject'] as const) {
      const e = await domainFailure(
        decide(t.db, reviewer, {
          findingId: g.findingId,
          revisionNo: 2,
          lockVersion: a.lockVersion,
          decision,
          comment: 'Late.',
        }),
      );
      expect(e.kind).toBe('conflict');
      expect(e.message).toMatch(/not awaiting review/);
    }
    expect((await reviewsOf(g.findingId)).filter((r) => r.revision_no === 2)).toEqual([
      { revision_no: 2, reviewer_id: reviewer2.id, decision: 'approve', comment: '' },
    ]);
    // And an unknown finding.
    expect(
      (
        await domainFailure(
          decide(t.db, reviewer, {
            findingId: 987_654,
            revisionNo: 1,
            lockVersion: 0,
            decision: 'approve',
            comment: '',
          }),
        )
      ).code,
    ).toBe('not_found:finding');
  });

  it('two reviewers approving at the same instant: exactly one decision is recorded', async () => {
    await updateSettings(t.db, admin.id, { approvalsRequired: 1 });
    for (let i = 0; i < 5; i++) {
      const f = await givenSubmitted();
      const results = await Promise.allSettled(
        [reviewer, reviewer2].map((who) =>
          decide(t.db, who, {
            findingId: f.findingId,
            revisionNo: 1,
            lockVersion: f.lockVersion,
            decision: 'approve',
            comment: '',
          }),
        ),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      const bad = results.filter((r) => r.status === 'rejected');
      expect(ok).toHaveLength(1);
      expect(bad).toHaveLength(1);
      expect((ok[0] as PromiseFulfilledResult<{ status: string; lockVersion: number }>).value).toEqual({
        status: 'approved',
        lockVersion: f.lockVersion + 1,
      });
      const reason = (bad[0] as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(DomainError);
      expect((reason as DomainError).kind).toBe('conflict');
      const reviewsNow = await reviewsOf(f.findingId);
      expect(reviewsNow).toHaveLength(1);
      const winner = results[0]!.status === 'fulfilled' ? reviewer : reviewer2;
      expect(reviewsNow[0]).toEqual({ revision_no: 1, reviewer_id: winner.id, decision: 'approve', comment: '' });
      expect(
        await t.query(
          `select a.actor_id from audit_events a where a.entity = 'finding' and a.entity_id = $1 and a.action = 'finding.approved'`,
          [String(f.findingId)],
        ),
      ).toEqual([{ actor_id: winner.id }]);
      expect(
        await countOf(
          t,
          `select count(*)::int n from audit_events where entity = 'finding' and entity_id = $1 and action like 'review.%'`,
          [String(f.findingId)],
        ),
      ).toBe(1);
      expect(await findingRow(f.findingId)).toMatchObject({
        status: 'approved',
        lock_version: f.lockVersion + 1,
        approved_revision_id: await revisionId(f.findingId, 1),
      });
      expect(emailOf.get(winner.id)).toMatch(/^reviewer2?@example\.org$/);
    }
  });
});
