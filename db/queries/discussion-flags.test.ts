import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainFailure, makeContent, testEngines } from '../test-utils';
import { createFinding, saveDraft, submitFinding } from './curation';
import { listQueue } from './review';
import { countOpenFlags, listComments, listFlags, raiseFlag, resolveFlag } from './discussion';
import { type DiscussionKit, openDiscussionKit } from './discussion-test-kit';

const content = makeContent;
const failure = domainFailure;

describe.each(testEngines())('discussion: flags on %s', (engine) => {
  let t: DiscussionKit['t'];
  let curator: DiscussionKit['curator'];
  let reviewer: DiscussionKit['reviewer'];
  let reviewer2: DiscussionKit['reviewer2'];
  let sourceId: number;
  let count: DiscussionKit['count'];
  let seededApproved: DiscussionKit['seededApproved'];
  let cellNo = 0;

  /** A new draft finding of the curator (distinct recipient cell, so never a duplicate). */
  const draft = async () =>
    createFinding(t.db, curator, { sourceId, content: content({ recipientCell: `Discussion cells ${++cellNo}` }) });

  beforeAll(async () => {
    ({ t, curator, reviewer, reviewer2, sourceId, count, seededApproved } = await openDiscussionKit(engine));
  });
  afterAll(() => t.dispose());

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
    expect(await item()).toMatchObject({
      publicId: b.public_id,
      isEdit: true,
      revisionNo: saved.revisionNo,
      openFlags: 2,
    });
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
