import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../seed-lib';
import { domainFailure, makeContent } from '../test-utils';
import { openTestDb, type TestDb, testEngines } from '../test-utils';
import { createFinding, saveDraft, submitFinding, type Actor } from './curation';
import {
  addComment,
  countOpenFlags,
  getNotifications,
  listComments,
  listFlags,
  markNotificationsSeen,
  raiseFlag,
  resolveFlag,
} from './discussion';
import { decide, listQueue } from './review';

const content = makeContent;
const failure = domainFailure;

describe.each(testEngines())('discussion on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let reviewer: Actor;
  let reviewer2: Actor;
  let sourceId: number;
  let cellNo = 0;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.query<{ n: number }>(sql, params))[0]!.n);
  const userByEmail = async (email: string) =>
    (await t.query<{ id: number }>(`select id from users where email = $1`, [email]))[0]!.id;
  /** A new draft finding of the curator (distinct recipient cell, so never a duplicate). */
  const draft = async () =>
    createFinding(t.db, curator, { sourceId, content: content({ recipientCell: `Discussion cells ${++cellNo}` }) });
  const seededApproved = async (index: number) =>
    (
      await t.query<{ id: number; public_id: string; lock_version: number }>(
        `select id, public_id, lock_version from findings where status = 'approved' order by id offset $1 limit 1`,
        [index],
      )
    )[0]!;

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedDatabase(t.db, { demoPassword: 'test-password-123' });
    curator = { id: await userByEmail('curator@example.org'), role: 'curator' };
    reviewer = { id: await userByEmail('reviewer@example.org'), role: 'reviewer' };
    reviewer2 = { id: await userByEmail('reviewer2@example.org'), role: 'reviewer' };
    const [s] = await t.query<{ id: number }>(
      `insert into sources (doi, title, metadata_origin) values ('10.5555/discussion.test', 'A discussion test paper', 'manual') returning id`,
    );
    sourceId = s!.id;
  });
  afterAll(() => t.dispose());

  it('comments: top-level and one level of replies, in order, audited', async () => {
    const f = await draft();
    const g = await draft();
    const c1 = await addComment(t.db, curator, { findingId: f.findingId, body: '  Is the dose right?  ' });
    const r1 = await addComment(t.db, reviewer, { findingId: f.findingId, parentId: c1.id, body: 'Yes, see Fig. 2.' });
    const c2 = await addComment(t.db, reviewer2, {
      findingId: f.findingId,
      parentId: '',
      body: 'Separate point: p < 0.05 only in males.',
    });
    const other = await addComment(t.db, curator, { findingId: g.findingId, body: 'On another finding.' });

    const deeper = await failure(
      addComment(t.db, curator, { findingId: f.findingId, parentId: r1.id, body: 'A reply to a reply.' }),
    );
    expect(deeper.kind).toBe('invalid');
    expect(deeper.field).toBe('parentId');
    expect(deeper.message).toMatch(/one level/);
    const elsewhere = await failure(
      addComment(t.db, curator, { findingId: f.findingId, parentId: other.id, body: 'Wrong thread.' }),
    );
    expect(elsewhere.kind).toBe('invalid');
    expect(elsewhere.field).toBe('parentId');
    const missing = await failure(
      addComment(t.db, curator, { findingId: f.findingId, parentId: 99_999_999, body: 'No parent.' }),
    );
    expect(missing.kind).toBe('invalid');
    expect((await failure(addComment(t.db, curator, { findingId: 99_999_999, body: 'No finding.' }))).code).toBe(
      'not_found:finding',
    );

    const before = await count(`select count(*)::int n from comments`);
    for (const body of ['bad\u0000byte', '<script>alert(1)</script>', 'x'.repeat(20_480), '   ', '']) {
      const e = await failure(addComment(t.db, curator, { findingId: f.findingId, body }));
      expect(e.kind).toBe('invalid');
      expect(e.entity).toBe('comment');
      expect(Object.keys(e.details?.fields ?? {})).toEqual(['body']);
    }
    expect(await count(`select count(*)::int n from comments`)).toBe(before);

    const list = await listComments(t.db, f.findingId);
    expect(list.map(({ id, parentId, author, authorId, body }) => ({ id, parentId, author, authorId, body }))).toEqual([
      { id: c1.id, parentId: null, author: 'Casey Curator', authorId: curator.id, body: 'Is the dose right?' },
      { id: r1.id, parentId: c1.id, author: 'Robin Reviewer', authorId: reviewer.id, body: 'Yes, see Fig. 2.' },
      {
        id: c2.id,
        parentId: null,
        author: 'Riley Reviewer',
        authorId: reviewer2.id,
        body: 'Separate point: p < 0.05 only in males.',
      },
    ]);
    expect((await listComments(t.db, g.findingId)).map((c) => c.id)).toEqual([other.id]);

    // Comments carry the revision they were made on.
    const [rev] = await t.query<{ n: number }>(
      `select count(*)::int n from comments c join findings f on f.id = c.finding_id where c.finding_id = $1 and c.revision_id = f.latest_revision_id`,
      [f.findingId],
    );
    expect(Number(rev!.n)).toBe(3);
    const audits = await t.query<{ actor_id: number; detail: { commentId: number; parentId: number | null } }>(
      `select actor_id, detail from audit_events where action = 'comment.add' and entity = 'finding' and entity_id = $1 order by id`,
      [String(f.findingId)],
    );
    expect(audits).toEqual([
      { actor_id: curator.id, detail: { commentId: c1.id, parentId: null } },
      { actor_id: reviewer.id, detail: { commentId: r1.id, parentId: c1.id } },
      { actor_id: reviewer2.id, detail: { commentId: c2.id, parentId: null } },
    ]);
  });

  it('notifications: replies to my comments and changes requested of my revisions, until seen', async () => {
    await markNotificationsSeen(t.db, curator.id);
    const n0 = await getNotifications(t.db, curator, 7);
    expect(n0.unseen).toBe(0);
    expect(n0.queue).toBe(0); // curators have no review queue

    const f = await draft();
    const mine = await addComment(t.db, curator, { findingId: f.findingId, body: 'Which antibody was used?' });
    // My own reply to my comment is not news to me.
    await addComment(t.db, curator, { findingId: f.findingId, parentId: mine.id, body: 'Adding: and which dilution?' });
    expect((await getNotifications(t.db, curator, 0)).unseen).toBe(0);

    await addComment(t.db, reviewer, { findingId: f.findingId, parentId: mine.id, body: 'Anti-CD63, see Methods.' });
    const n1 = await getNotifications(t.db, curator, 0);
    expect(n1.replies[0]).toMatchObject({
      publicId: f.publicId,
      author: 'Robin Reviewer',
      body: 'Anti-CD63, see Methods.',
    });
    expect(n1.replies.filter((r) => r.publicId === f.publicId)).toHaveLength(1);
    expect(n1.unseen).toBe(1);
    // The reviewer did not get a reply; their count is their queue.
    const rn = await getNotifications(t.db, reviewer, 3);
    expect(rn).toMatchObject({ queue: 3, unseen: 3, replies: [], changesRequested: [] });

    await markNotificationsSeen(t.db, curator.id);
    const n2 = await getNotifications(t.db, curator, 0);
    expect(n2.unseen).toBe(0);
    expect(n2.replies.map((r) => r.body)).toContain('Anti-CD63, see Methods.');

    // Changes requested of the curator's revision.
    const s = await submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: 0 });
    expect((await getNotifications(t.db, curator, 0)).changesRequested).toEqual([]);
    const d = await decide(t.db, reviewer, {
      findingId: f.findingId,
      revisionNo: 1,
      lockVersion: s.lockVersion,
      decision: 'request_changes',
      comment: 'Name the antibody.',
    });
    expect(d.status).toBe('changes_requested');
    const n3 = await getNotifications(t.db, curator, 0);
    expect(n3.changesRequested.map((c) => c.publicId)).toEqual([f.publicId]);
    expect(n3.unseen).toBe(1);
    // Not the reviewer's revision: nothing for them.
    expect((await getNotifications(t.db, reviewer, 0)).changesRequested).toEqual([]);
    await markNotificationsSeen(t.db, curator.id);
    const n4 = await getNotifications(t.db, curator, 0);
    expect(n4.unseen).toBe(0);
    expect(n4.changesRequested.map((c) => c.publicId)).toEqual([f.publicId]);
    // Once the curator starts the new revision it is no longer pending on them.
    await saveDraft(t.db, curator, {
      findingId: f.findingId,
      lockVersion: d.lockVersion,
      content: content({ recipientCell: `Discussion cells ${cellNo}`, result: 'Fixed.' }),
      changeSummary: 'Name it',
    });
    expect((await getNotifications(t.db, curator, 0)).changesRequested).toEqual([]);
  });

  it('flags: raised on approved findings, validated, resolved once by a reviewer with a comment', async () => {
    const a = await seededApproved(0);
    const flagsBefore = await count(`select count(*)::int n from flags`);
    const { id: flagId } = await raiseFlag(t.db, curator, {
      findingId: a.id,
      reason: 'typo',
      note: '  Misspelled cell name  ',
    });
    expect(await listFlags(t.db, a.id)).toMatchObject([
      {
        id: flagId,
        reason: 'typo',
        note: 'Misspelled cell name',
        raisedBy: 'Casey Curator',
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
      },
    ]);
    expect(await countOpenFlags(t.db, a.id)).toBe(1);
    const [ev] = await t.query<{ actor_id: number; detail: Record<string, unknown> }>(
      `select actor_id, detail from audit_events where action = 'flag.raise' and entity_id = $1`,
      [String(a.id)],
    );
    expect(ev).toEqual({ actor_id: curator.id, detail: { flagId, reason: 'typo' } });

    // Refusals store nothing.
    const d = await draft();
    const onDraft = await failure(raiseFlag(t.db, curator, { findingId: d.findingId, reason: 'typo', note: '' }));
    expect(onDraft.code).toBe('conflict:flag');
    for (const note of [undefined, '', '   ']) {
      const e = await failure(raiseFlag(t.db, curator, { findingId: a.id, reason: 'other', note }));
      expect(e.kind).toBe('invalid');
      expect(Object.keys(e.details?.fields ?? {})).toEqual(['note']);
    }
    const unknown = await failure(raiseFlag(t.db, curator, { findingId: a.id, reason: 'spam', note: 'x' }));
    expect(unknown.kind).toBe('invalid');
    expect(Object.keys(unknown.details?.fields ?? {})).toEqual(['reason']);
    expect(
      (await failure(raiseFlag(t.db, curator, { findingId: a.id, reason: 'typo', note: '<b>bold</b>' }))).details
        ?.fields,
    ).toHaveProperty('note');
    expect((await failure(raiseFlag(t.db, curator, { findingId: 99_999_999, reason: 'typo' }))).code).toBe(
      'not_found:finding',
    );
    expect(await count(`select count(*)::int n from flags`)).toBe(flagsBefore + 1);

    // Curators cannot resolve; reviewers resolve once, with a comment posted to the discussion.
    const commentsBefore = await count(`select count(*)::int n from comments where finding_id = $1`, [a.id]);
    expect((await failure(resolveFlag(t.db, curator, { flagId, resolution: 'Done.' }))).kind).toBe('forbidden');
    expect(
      Object.keys((await failure(resolveFlag(t.db, reviewer, { flagId, resolution: '  ' }))).details?.fields ?? {}),
    ).toEqual(['resolution']);
    expect((await failure(resolveFlag(t.db, reviewer, { flagId: 99_999_999, resolution: 'Done.' }))).code).toBe(
      'not_found:flag',
    );
    expect(await countOpenFlags(t.db, a.id)).toBe(1);

    await resolveFlag(t.db, reviewer, { flagId, resolution: 'Fixed the spelling.' });
    const [row] = await t.query<{ resolved: boolean; resolved_by: number; resolution: string }>(
      `select resolved_at is not null as resolved, resolved_by, resolution from flags where id = $1`,
      [flagId],
    );
    expect(row).toEqual({ resolved: true, resolved_by: reviewer.id, resolution: 'Fixed the spelling.' });
    expect(await listFlags(t.db, a.id)).toMatchObject([
      { id: flagId, resolvedBy: 'Robin Reviewer', resolution: 'Fixed the spelling.' },
    ]);
    expect(await countOpenFlags(t.db, a.id)).toBe(0);
    const posted = await listComments(t.db, a.id);
    expect(posted).toHaveLength(commentsBefore + 1);
    expect(posted.at(-1)).toMatchObject({
      authorId: reviewer.id,
      parentId: null,
      body: 'Resolved flag “typo”: Fixed the spelling.',
    });
    expect(
      await count(
        `select count(*)::int n from audit_events where action = 'flag.resolve' and entity_id = $1 and actor_id = $2`,
        [String(a.id), reviewer.id],
      ),
    ).toBe(1);

    const again = await failure(resolveFlag(t.db, reviewer2, { flagId, resolution: 'Me too.' }));
    expect(again.code).toBe('conflict:flag');
    expect(await listComments(t.db, a.id)).toHaveLength(commentsBefore + 1);
    const [still] = await t.query<{ resolved_by: number }>(`select resolved_by from flags where id = $1`, [flagId]);
    expect(still!.resolved_by).toBe(reviewer.id);
  });

  it("the review queue shows a submitted edit's open flags", async () => {
    const b = await seededApproved(1);
    await raiseFlag(t.db, curator, { findingId: b.id, reason: 'wrong_value', note: 'The species is rat.' });
    const { id: second } = await raiseFlag(t.db, reviewer2, {
      findingId: b.id,
      reason: 'other',
      note: 'Check the cargo.',
    });
    const saved = await saveDraft(t.db, curator, {
      findingId: b.id,
      lockVersion: b.lock_version,
      content: content({ recipientCell: 'Flagged cells', result: 'Corrected result.' }),
      changeSummary: 'Fix the flagged values',
    });
    // A finding with an approved revision can still be flagged while an edit is pending.
    await submitFinding(t.db, curator, { findingId: b.id, lockVersion: saved.lockVersion });
    const item = async () => (await listQueue(t.db, reviewer.id)).find((q) => q.findingId === b.id);
    expect(await item()).toMatchObject({ publicId: b.public_id, isEdit: true, revisionNo: 2, openFlags: 2 });
    await resolveFlag(t.db, reviewer, { flagId: second, resolution: 'Cargo checked; fine.' });
    expect(await item()).toMatchObject({ openFlags: 1 });
    // Other queued findings without flags count none.
    const plain = await draft();
    await submitFinding(t.db, curator, { findingId: plain.findingId, lockVersion: 0 });
    expect((await listQueue(t.db, reviewer.id)).find((q) => q.findingId === plain.findingId)).toMatchObject({
      openFlags: 0,
      isEdit: false,
    });
  });
});
