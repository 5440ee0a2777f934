import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainFailure, makeContent, testEngines } from '../test-utils';
import { createFinding, saveDraft, submitFinding } from './curation';
import { decide } from './review';
import { addComment, getNotifications, listComments, markNotificationsSeen } from './discussion';
import { type DiscussionKit, openDiscussionKit } from './discussion-test-kit';

const content = makeContent;
const failure = domainFailure;

describe.each(testEngines())('discussion: comments and notifications on %s', (engine) => {
  let t: DiscussionKit['t'];
  let curator: DiscussionKit['curator'];
  let reviewer: DiscussionKit['reviewer'];
  let reviewer2: DiscussionKit['reviewer2'];
  let sourceId: number;
  let count: DiscussionKit['count'];
  let cellNo = 0;

  /** A new draft finding of the curator (distinct recipient cell, so never a duplicate). */
  const draft = async () =>
    createFinding(t.db, curator, { sourceId, content: content({ recipientCell: `Discussion cells ${++cellNo}` }) });

  beforeAll(async () => {
    ({ t, curator, reviewer, reviewer2, sourceId, count } = await openDiscussionKit(engine));
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
});
