import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors';
import { seedDatabase } from '../seed-lib';
import { domainFailure, validContent } from '../test-fixtures';
import { openTestDb, type TestDb, testEngines } from '../test-utils';
import { createFinding, saveDraft, submitFinding, type Actor } from './curation';
import { listApprovedFindings } from './findings';
import { countActionableQueue, decide, getReviewItem, listQueue, reopen, withdraw } from './review';
import { getSettings, updateSettings } from './settings';
import { createUser } from './users';

const KIDNEY = 'UBERON:0002113';
const TENDON = 'UBERON:0000043';

const content = validContent;
const failure = domainFailure;

describe.each(testEngines())('review on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let otherCurator: Actor;
  let reviewer: Actor;
  let reviewer2: Actor;
  let admin: Actor;
  let sourceId: number;
  const emailOf = new Map<number, string>();
  let cellNo = 0;

  const count = async (sql: string, params: unknown[] = []) => Number((await t.query<{ n: number }>(sql, params))[0]!.n);
  const userByEmail = async (email: string) => (await t.query<{ id: number }>(`select id from users where email = $1`, [email]))[0]!.id;
  type Row = {
    status: string;
    lock_version: number;
    latest_revision_id: number;
    approved_revision_id: number | null;
    /** approved_at as epoch milliseconds (the drivers return timestamps differently). */
    approved_ms: number | null;
    target_organ: string;
    cargo_text: string;
  };
  const findingRow = async (id: number) =>
    (
      await t.query<Row>(
        `select status, lock_version, latest_revision_id, approved_revision_id, floor(extract(epoch from approved_at) * 1000)::float8 as approved_ms, target_organ, cargo_text from findings where id = $1`,
        [id],
      )
    )[0]!;
  const searchHits = async (id: number, words: string) =>
    count(`select count(*)::int n from findings where id = $1 and search @@ plainto_tsquery('english', $2)`, [id, words]);
  const revisionId = async (findingId: number, revisionNo: number) =>
    (await t.query<{ id: number }>(`select id from finding_revisions where finding_id = $1 and revision_no = $2`, [findingId, revisionNo]))[0]!.id;
  const reviewsOf = async (findingId: number) =>
    t.query<{ revision_no: number; reviewer_id: number; decision: string; comment: string }>(
      `select r.revision_no, v.reviewer_id, v.decision::text as decision, v.comment
         from reviews v join finding_revisions r on r.id = v.revision_id
        where r.finding_id = $1 order by v.id`,
      [findingId],
    );
  const auditTrail = async (findingId: number) =>
    (
      await t.query<{ action: string; email: string }>(
        `select a.action, u.email from audit_events a join users u on u.id = a.actor_id
          where a.entity = 'finding' and a.entity_id = $1 order by a.id`,
        [String(findingId)],
      )
    ).map((r) => [r.action, r.email] as const);
  /** A new finding of the curator, submitted; a distinct recipient cell keeps it from duplicating another. */
  const submitted = async (by: Actor = curator, over: Record<string, unknown> = {}) => {
    const c = content({ recipientCell: `Test cells ${++cellNo}`, ...over });
    const f = await createFinding(t.db, by, { sourceId, content: c });
    const s = await submitFinding(t.db, by, { findingId: f.findingId, lockVersion: 0 });
    return { ...f, lockVersion: s.lockVersion, content: c };
  };
  const queueItem = async (actor: Actor, publicId: string) => (await listQueue(t.db, actor.id)).find((q) => q.publicId === publicId);
  const seededApproved = async (organ: string, index: number) =>
    (
      await t.query<{ id: number; public_id: string; lock_version: number }>(
        `select id, public_id, lock_version from findings where status = 'approved' and target_organ = $1 order by id offset $2 limit 1`,
        [organ, index],
      )
    )[0]!;

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedDatabase(t.db, { demoPassword: 'test-password-123' });
    curator = { id: await userByEmail('curator@example.org'), role: 'curator' };
    reviewer = { id: await userByEmail('reviewer@example.org'), role: 'reviewer' };
    reviewer2 = { id: await userByEmail('reviewer2@example.org'), role: 'reviewer' };
    admin = { id: await userByEmail('admin@example.org'), role: 'admin' };
    const o = await createUser(t.db, null, { email: 'second.curator@example.org', name: 'Second Curator', role: 'curator', password: 'long-enough-pass' });
    otherCurator = { id: o.id, role: 'curator' };
    for (const [a, e] of [
      [curator, 'curator@example.org'],
      [reviewer, 'reviewer@example.org'],
      [reviewer2, 'reviewer2@example.org'],
      [admin, 'admin@example.org'],
    ] as const)
      emailOf.set(a.id, e);
    const [s] = await t.query<{ id: number }>(`insert into sources (doi, title, metadata_origin) values ('10.5555/review.test', 'A review test paper', 'manual') returning id`);
    sourceId = s!.id;
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

      const f = await createFinding(t.db, curator, { sourceId, content: content({ recipientCell: 'Dual review cells' }) });
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
      const d1 = await decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 1, lockVersion: 1, decision: 'approve', comment: '' });
      expect(d1).toEqual({ status: 'submitted', lockVersion: 2 });
      expect(await findingRow(f.findingId)).toMatchObject({ status: 'submitted', approved_revision_id: null, approved_ms: null });
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
        content: content({ recipientCell: 'Dual review cells', result: 'At 10 µg/mL, muscle EVs promote osteogenesis.' }),
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

      const d3 = await decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 2, lockVersion: 5, decision: 'approve', comment: '' });
      expect(d3).toEqual({ status: 'submitted', lockVersion: 6 });
      expect(await counts()).toEqual({ reviewer: 0, reviewer2: 1, curator: 0 });
      expect(await queueItem(reviewer2, f.publicId)).toMatchObject({ revisionNo: 2, approvals: 1, decidedByMe: false });
      const d4 = await decide(t.db, reviewer2, { findingId: f.findingId, revisionNo: 2, lockVersion: 6, decision: 'approve', comment: 'Looks right.' });
      expect(d4).toEqual({ status: 'approved', lockVersion: 7 });
      expect(await counts()).toEqual({ reviewer: 0, reviewer2: 0, curator: 0 });
      expect(await queueItem(reviewer2, f.publicId)).toBeUndefined();

      const rev2 = await revisionId(f.findingId, 2);
      expect(saved.revisionId).toBe(rev2);
      const row = await findingRow(f.findingId);
      expect(row).toMatchObject({ status: 'approved', lock_version: 7, latest_revision_id: rev2, approved_revision_id: rev2 });
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
      expect(rc!.detail).toEqual({ revisionNo: 1, from: 'submitted', to: 'changes_requested', comment: 'Give the dose used.' });
    } finally {
      await updateSettings(t.db, admin.id, { approvalsRequired: 1 });
    }
    expect((await getSettings(t.db)).approvalsRequired).toBe(1);
  });

  it('an edit of an approved finding stays unlisted until approved; then the listing shows it', async () => {
    const seed = await seededApproved(KIDNEY, 0);
    const before = await findingRow(seed.id);
    expect(before.target_organ).toBe(KIDNEY);
    const oldRev = before.approved_revision_id!;
    expect(await searchHits(seed.id, 'quokka')).toBe(0);
    const listedBefore = (await listApprovedFindings(t.db)).find((r) => r.id === seed.id)!;
    expect(listedBefore).toMatchObject({ targetOrgan: 'Kidney', revisionNo: 1 });

    const edited = content({
      targetOrgan: TENDON,
      recipientCell: 'Quokka tenocytes',
      cargo: [{ name: 'miR-206', type: 'miRNA' }],
      result: 'Quokka EVs speed tendon healing.',
    });
    const saved = await saveDraft(t.db, curator, { findingId: seed.id, lockVersion: seed.lock_version, content: edited, changeSummary: 'Correct the organ' });
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
      expect(listed).toMatchObject({ status, targetOrgan: 'Kidney', revisionNo: 1, result: listedBefore.result, recipientCell: listedBefore.recipientCell });
    };
    await unchanged('draft');
    const sub = await submitFinding(t.db, curator, { findingId: seed.id, lockVersion: saved.lockVersion });
    expect(sub.revisionNo).toBe(2);
    await unchanged('submitted');
    expect(await queueItem(reviewer, seed.public_id)).toMatchObject({ revisionNo: 2, isEdit: true, organ: 'Tendon', submitterId: curator.id });
    const item = (await getReviewItem(t.db, seed.public_id))!;
    expect([item.latest.revisionNo, item.latest.targetOrgan, item.approved?.revisionNo, item.approved?.targetOrgan]).toEqual([2, TENDON, 1, KIDNEY]);

    const d = await decide(t.db, reviewer, { findingId: seed.id, revisionNo: 2, lockVersion: sub.lockVersion, decision: 'approve', comment: '' });
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
      content: content({ targetOrgan: TENDON, recipientCell: 'Wombat tenocytes', result: 'Wombat EVs do something.' }),
      changeSummary: 'Dubious edit',
    });
    const sub = await submitFinding(t.db, curator, { findingId: seed.id, lockVersion: saved.lockVersion });
    const d = await decide(t.db, reviewer, { findingId: seed.id, revisionNo: 2, lockVersion: sub.lockVersion, decision: 'reject', comment: 'Not in the paper.' });
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
    expect(await count(`select count(*)::int n from audit_events where entity_id = $1 and action = 'finding.approved'`, [String(seed.id)])).toBe(0);
  });

  it('only reviewers and admins decide, and never on their own revision', async () => {
    const f = await submitted();
    const err = await failure(decide(t.db, curator, { findingId: f.findingId, revisionNo: 1, lockVersion: f.lockVersion, decision: 'approve', comment: '' }));
    expect(err.kind).toBe('forbidden');
    expect(err.message).toMatch(/reviewers and admins/);

    const own = await submitted(reviewer);
    const e2 = await failure(decide(t.db, reviewer, { findingId: own.findingId, revisionNo: 1, lockVersion: own.lockVersion, decision: 'approve', comment: '' }));
    expect(e2.kind).toBe('forbidden');
    expect(e2.message).toMatch(/cannot review your own revision/);
    // It stays in the queue, but not as actionable for its author.
    expect(await queueItem(reviewer, own.publicId)).toMatchObject({ submitterId: reviewer.id, decidedByMe: false });
    const n = await countActionableQueue(t.db, reviewer.id);
    await decide(t.db, reviewer2, { findingId: own.findingId, revisionNo: 1, lockVersion: own.lockVersion, decision: 'approve', comment: '' });
    expect(await countActionableQueue(t.db, reviewer.id)).toBe(n);

    const mine = await submitted(admin);
    const e3 = await failure(
      decide(t.db, admin, { findingId: mine.findingId, revisionNo: 1, lockVersion: mine.lockVersion, decision: 'reject', comment: 'Self-reject.' }),
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
    const f = await submitted();
    for (const decision of ['request_changes', 'reject'] as const) {
      for (const comment of ['', '   ', '\n\t ']) {
        const err = await failure(decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 1, lockVersion: f.lockVersion, decision, comment }));
        expect(err.kind).toBe('invalid');
        expect(err.field).toBe('comment');
        expect(err.message).toMatch(decision === 'reject' ? /why/ : /what needs to change/);
      }
    }
    expect(await reviewsOf(f.findingId)).toEqual([]);
    expect(await findingRow(f.findingId)).toMatchObject({ status: 'submitted', lock_version: f.lockVersion });
    // Approval needs none.
    expect(await decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 1, lockVersion: f.lockVersion, decision: 'approve', comment: '  ' })).toEqual({
      status: 'approved',
      lockVersion: f.lockVersion + 1,
    });
  });

  it('deciding twice, on a stale lock version, on an older revision or on a decided finding is a conflict', async () => {
    await updateSettings(t.db, admin.id, { approvalsRequired: 2 });
    try {
      const f = await submitted();
      const d1 = await decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 1, lockVersion: f.lockVersion, decision: 'approve', comment: '' });
      expect(d1.status).toBe('submitted');
      const twice = await failure(decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 1, lockVersion: d1.lockVersion, decision: 'approve', comment: '' }));
      expect(twice.kind).toBe('conflict');
      expect(twice.message).toMatch(/already decided/);
      const twice2 = await failure(
        decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 1, lockVersion: d1.lockVersion, decision: 'request_changes', comment: 'Changed my mind.' }),
      );
      expect(twice2.kind).toBe('conflict');

      // A stale lock version: nothing written, and the current state comes back.
      const stale = await failure(decide(t.db, reviewer2, { findingId: f.findingId, revisionNo: 1, lockVersion: f.lockVersion, decision: 'approve', comment: '' }));
      expect(stale.code).toBe('conflict:finding');
      expect((stale.details?.current as { lockVersion: number }).lockVersion).toBe(d1.lockVersion);
      expect(await reviewsOf(f.findingId)).toEqual([{ revision_no: 1, reviewer_id: reviewer.id, decision: 'approve', comment: '' }]);
      expect(await findingRow(f.findingId)).toMatchObject({ status: 'submitted', lock_version: d1.lockVersion });
    } finally {
      await updateSettings(t.db, admin.id, { approvalsRequired: 1 });
    }

    // An older revision than the one awaiting review.
    const g = await submitted();
    const rc = await decide(t.db, reviewer, { findingId: g.findingId, revisionNo: 1, lockVersion: g.lockVersion, decision: 'request_changes', comment: 'Fix it.' });
    const s = await saveDraft(t.db, curator, { findingId: g.findingId, lockVersion: rc.lockVersion, content: { ...g.content, result: 'Fixed.' }, changeSummary: 'Fix' });
    const sub = await submitFinding(t.db, curator, { findingId: g.findingId, lockVersion: s.lockVersion });
    expect(sub.revisionNo).toBe(2);
    const older = await failure(decide(t.db, reviewer2, { findingId: g.findingId, revisionNo: 1, lockVersion: sub.lockVersion, decision: 'approve', comment: '' }));
    expect(older.kind).toBe('conflict');
    expect(older.message).toMatch(/newer revision/);
    const future = await failure(decide(t.db, reviewer2, { findingId: g.findingId, revisionNo: 3, lockVersion: sub.lockVersion, decision: 'approve', comment: '' }));
    expect(future.kind).toBe('conflict');
    expect((await reviewsOf(g.findingId)).filter((r) => r.revision_no === 2)).toEqual([]);
    expect((await findingRow(g.findingId)).status).toBe('submitted');

    // Already approved: nothing more to decide.
    const a = await decide(t.db, reviewer2, { findingId: g.findingId, revisionNo: 2, lockVersion: sub.lockVersion, decision: 'approve', comment: '' });
    expect(a.status).toBe('approved');
    for (const decision of ['approve', 'reject'] as const) {
      const e = await failure(decide(t.db, reviewer, { findingId: g.findingId, revisionNo: 2, lockVersion: a.lockVersion, decision, comment: 'Late.' }));
      expect(e.kind).toBe('conflict');
      expect(e.message).toMatch(/not awaiting review/);
    }
    expect((await reviewsOf(g.findingId)).filter((r) => r.revision_no === 2)).toEqual([
      { revision_no: 2, reviewer_id: reviewer2.id, decision: 'approve', comment: '' },
    ]);
    // And an unknown finding.
    expect((await failure(decide(t.db, reviewer, { findingId: 987_654, revisionNo: 1, lockVersion: 0, decision: 'approve', comment: '' }))).code).toBe(
      'not_found:finding',
    );
  });

  it('a rejected new finding is closed to its curator until an admin reopens it', async () => {
    const f = await submitted();
    const r = await decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 1, lockVersion: f.lockVersion, decision: 'reject', comment: 'Out of scope.' });
    expect(r).toEqual({ status: 'rejected', lockVersion: f.lockVersion + 1 });
    expect(await findingRow(f.findingId)).toMatchObject({ status: 'rejected', approved_revision_id: null });
    expect((await listApprovedFindings(t.db)).some((x) => x.id === f.findingId)).toBe(false);

    const edit = await failure(saveDraft(t.db, curator, { findingId: f.findingId, lockVersion: r.lockVersion, content: f.content, changeSummary: 'Try again' }));
    expect(edit.kind).toBe('forbidden');
    expect(edit.message).toMatch(/rejected/);
    // Only an admin reopens, and only a rejected finding.
    expect((await failure(reopen(t.db, curator, { findingId: f.findingId, lockVersion: r.lockVersion, comment: '' }))).kind).toBe('forbidden');
    expect((await failure(reopen(t.db, reviewer, { findingId: f.findingId, lockVersion: r.lockVersion, comment: '' }))).kind).toBe('forbidden');
    expect((await failure(reopen(t.db, admin, { findingId: f.findingId, lockVersion: r.lockVersion - 1, comment: '' }))).kind).toBe('conflict');
    expect(await count(`select count(*)::int n from finding_revisions where finding_id = $1`, [f.findingId])).toBe(1);

    const re = await reopen(t.db, admin, { findingId: f.findingId, lockVersion: r.lockVersion, comment: ' Worth another look. ' });
    expect(re).toEqual({ lockVersion: r.lockVersion + 1 });
    expect((await findingRow(f.findingId)).status).toBe('changes_requested');
    const [ev] = await t.query<{ actor_id: number; detail: Record<string, unknown> }>(
      `select actor_id, detail from audit_events where entity = 'finding' and entity_id = $1 and action = 'finding.reopen'`,
      [String(f.findingId)],
    );
    expect(ev).toEqual({ actor_id: admin.id, detail: { comment: 'Worth another look.' } });
    expect((await failure(reopen(t.db, admin, { findingId: f.findingId, lockVersion: re.lockVersion, comment: '' }))).kind).toBe('conflict');

    const s = await saveDraft(t.db, curator, { findingId: f.findingId, lockVersion: re.lockVersion, content: { ...f.content, result: 'Narrowed claim.' }, changeSummary: 'Narrow' });
    expect(s).toMatchObject({ revisionNo: 2, created: true });
    expect((await findingRow(f.findingId)).status).toBe('draft');
    expect((await auditTrail(f.findingId)).map(([a]) => a)).toEqual([
      'finding.create',
      'finding.submit',
      'review.reject',
      'finding.reopen',
      'finding.revision_start',
    ]);
  });

  it('the author withdraws a submitted revision into a new, equal draft; nobody else can', async () => {
    const f = await submitted(curator, { mechanism: ['Wnt signalling'], evidenceQuote: 'EVs promoted ALP activity.' });
    for (const someone of [otherCurator, reviewer2, admin]) {
      const e = await failure(withdraw(t.db, someone, { findingId: f.findingId, lockVersion: f.lockVersion }));
      expect(e.kind).toBe('forbidden');
      expect(e.message).toMatch(/author/);
    }
    expect(await count(`select count(*)::int n from finding_revisions where finding_id = $1`, [f.findingId])).toBe(1);
    expect((await failure(withdraw(t.db, curator, { findingId: f.findingId, lockVersion: f.lockVersion - 1 }))).kind).toBe('conflict');

    const w = await withdraw(t.db, curator, { findingId: f.findingId, lockVersion: f.lockVersion });
    expect(w).toMatchObject({ revisionNo: 2, created: true, lockVersion: f.lockVersion + 1 });
    expect((await findingRow(f.findingId)).status).toBe('draft');
    expect(await queueItem(reviewer, f.publicId)).toBeUndefined();
    const cols = `target_organ, origin, direction, species, ev_source, cargo, recipient_cell, model_disease, result, study_type, effect_direction,
      mechanism, ev_type, separation_methods, particle_analysis, em_methods, markers_positive, markers_negative, evidence_quote, evidence_location, curator_note, change_summary`;
    const revs = await t.query<Record<string, unknown>>(
      `select revision_no, submitted_at is not null as submitted, based_on_revision_id, author_id, ${cols} from finding_revisions where finding_id = $1 order by revision_no`,
      [f.findingId],
    );
    expect(revs.map((r) => [r.revision_no, r.submitted, r.author_id])).toEqual([
      [1, true, curator.id],
      [2, false, curator.id],
    ]);
    expect(revs[1]!.based_on_revision_id).toBe(await revisionId(f.findingId, 1));
    const strip = ({ revision_no: _n, submitted: _s, based_on_revision_id: _b, author_id: _a, ...rest }: Record<string, unknown>) => rest;
    expect(strip(revs[1]!)).toEqual(strip(revs[0]!));
    expect(revs[1]!.result).toBe('Muscle EVs promote osteogenic differentiation.');
    expect(revs[1]!.mechanism).toEqual(['Wnt signalling']);
    expect((await auditTrail(f.findingId)).slice(-2)).toEqual([
      ['finding.revision_start', 'curator@example.org'],
      ['finding.withdraw', 'curator@example.org'],
    ]);
    // Nothing is awaiting review any more.
    expect((await failure(withdraw(t.db, curator, { findingId: f.findingId, lockVersion: w.lockVersion }))).kind).toBe('conflict');
    expect(
      (await failure(decide(t.db, reviewer, { findingId: f.findingId, revisionNo: 2, lockVersion: w.lockVersion, decision: 'approve', comment: '' }))).kind,
    ).toBe('conflict');
    // It can be submitted again as revision 2.
    expect(await submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: w.lockVersion })).toEqual({ lockVersion: w.lockVersion + 1, revisionNo: 2 });
  });

  it('two reviewers approving at the same instant: exactly one decision is recorded', async () => {
    await updateSettings(t.db, admin.id, { approvalsRequired: 1 });
    for (let i = 0; i < 5; i++) {
      const f = await submitted();
      const results = await Promise.allSettled(
        [reviewer, reviewer2].map((who) => decide(t.db, who, { findingId: f.findingId, revisionNo: 1, lockVersion: f.lockVersion, decision: 'approve', comment: '' })),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      const bad = results.filter((r) => r.status === 'rejected');
      expect(ok).toHaveLength(1);
      expect(bad).toHaveLength(1);
      expect((ok[0] as PromiseFulfilledResult<{ status: string; lockVersion: number }>).value).toEqual({ status: 'approved', lockVersion: f.lockVersion + 1 });
      const reason = (bad[0] as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(DomainError);
      expect((reason as DomainError).kind).toBe('conflict');
      const reviewsNow = await reviewsOf(f.findingId);
      expect(reviewsNow).toHaveLength(1);
      const winner = results[0]!.status === 'fulfilled' ? reviewer : reviewer2;
      expect(reviewsNow[0]).toEqual({ revision_no: 1, reviewer_id: winner.id, decision: 'approve', comment: '' });
      expect(
        await t.query(`select a.actor_id from audit_events a where a.entity = 'finding' and a.entity_id = $1 and a.action = 'finding.approved'`, [String(f.findingId)]),
      ).toEqual([{ actor_id: winner.id }]);
      expect(await count(`select count(*)::int n from audit_events where entity = 'finding' and entity_id = $1 and action like 'review.%'`, [String(f.findingId)])).toBe(1);
      expect(await findingRow(f.findingId)).toMatchObject({ status: 'approved', lock_version: f.lockVersion + 1, approved_revision_id: await revisionId(f.findingId, 1) });
      expect(emailOf.get(winner.id)).toMatch(/^reviewer2?@example\.org$/);
    }
  });
});
