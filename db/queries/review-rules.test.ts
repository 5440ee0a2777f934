import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainFailure, testEngines } from '../test-utils';
import { countActionableQueue, decide } from './review';
import { openReviewKit, type ReviewKit } from './review-test-kit';

describe.each(testEngines())('review rules on %s', (engine) => {
  let t: ReviewKit['t'];
  let curator: ReviewKit['curator'];
  let reviewer: ReviewKit['reviewer'];
  let reviewer2: ReviewKit['reviewer2'];
  let admin: ReviewKit['admin'];
  let findingRow: ReviewKit['findingRow'];
  let reviewsOf: ReviewKit['reviewsOf'];
  let givenSubmitted: ReviewKit['givenSubmitted'];
  let queueItem: ReviewKit['queueItem'];

  beforeAll(async () => {
    ({ t, curator, reviewer, reviewer2, admin, findingRow, reviewsOf, givenSubmitted, queueItem } =
      await openReviewKit(engine));
  });
  afterAll(() => t.dispose());

  it('only reviewers and admins decide, and never on their own revision', async () => {
    const f = await givenSubmitted();
    const err = await domainFailure(
      decide(t.db, curator, {
        findingId: f.findingId,
        revisionNo: 1,
        lockVersion: f.lockVersion,
        decision: 'approve',
        comment: '',
      }),
    );
    expect(err.kind).toBe('forbidden');
    expect(err.message).toMatch(/reviewers and admins/);

    const own = await givenSubmitted(reviewer);
    const e2 = await domainFailure(
      decide(t.db, reviewer, {
        findingId: own.findingId,
        revisionNo: 1,
        lockVersion: own.lockVersion,
        decision: 'approve',
        comment: '',
      }),
    );
    expect(e2.kind).toBe('forbidden');
    expect(e2.message).toMatch(/cannot review your own revision/);
    // It stays in the queue, but not as actionable for its author.
    expect(await queueItem(reviewer, own.publicId)).toMatchObject({ submitterId: reviewer.id, decidedByMe: false });
    const n = await countActionableQueue(t.db, reviewer.id);
    await decide(t.db, reviewer2, {
      findingId: own.findingId,
      revisionNo: 1,
      lockVersion: own.lockVersion,
      decision: 'approve',
      comment: '',
    });
    expect(await countActionableQueue(t.db, reviewer.id)).toBe(n);

    const mine = await givenSubmitted(admin);
    const e3 = await domainFailure(
      decide(t.db, admin, {
        findingId: mine.findingId,
        revisionNo: 1,
        lockVersion: mine.lockVersion,
        decision: 'reject',
        comment: 'Self-reject.',
      }),
    );
    expect(e3.kind).toBe('forbidden');
    expect(e3.message).toMatch(/cannot review your own revision/);

    for (const x of [f, mine]) {
      expect(await reviewsOf(x.findingId)).toEqual([]);
      expect(await findingRow(x.findingId)).toMatchObject({ status: 'submitted', lock_version: x.lockVersion });
    }
    expect((await findingRow(own.findingId)).status).toBe('approved');
  });

  it('request changes and reject need a comment', async () => {
    const f = await givenSubmitted();
    for (const decision of ['request_changes', 'reject'] as const) {
      for (const comment of ['', '   ', '\n\t ']) {
        const err = await domainFailure(
          decide(t.db, reviewer, {
            findingId: f.findingId,
            revisionNo: 1,
            lockVersion: f.lockVersion,
            decision,
            comment,
          }),
        );
        expect(err.kind).toBe('invalid');
        expect(err.field).toBe('comment');
        expect(err.message).toMatch(decision === 'reject' ? /why/ : /what needs to change/);
      }
    }
    expect(await reviewsOf(f.findingId)).toEqual([]);
    expect(await findingRow(f.findingId)).toMatchObject({ status: 'submitted', lock_version: f.lockVersion });
    // Approval needs none.
    expect(
      await decide(t.db, reviewer, {
        findingId: f.findingId,
        revisionNo: 1,
        lockVersion: f.lockVersion,
        decision: 'approve',
        comment: '  ',
      }),
    ).toEqual({
      status: 'approved',
      lockVersion: f.lockVersion + 1,
    });
  });
});
