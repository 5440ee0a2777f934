import { describe, expect, it } from 'vitest';
import { ROLES } from '../vocab/terms';
import {
  canDiscuss,
  canFilterByStatus,
  canReadDataset,
  canReadSnapshot,
  canSeeFinding,
  canSeeRevision,
  canSeeWorkflow,
  everApprovedRevisionIds,
  type ReadContext,
  shownRevisionId,
  visibleStatus,
} from './read';

const OWNER = 9;
const viewers = [null, { id: OWNER, role: 'curator' as const }, ...ROLES.values.map((role) => ({ id: 50, role }))];
const contexts: ReadContext[] = [true, false].flatMap((publicRead) =>
  viewers.map((viewer) => ({ viewer, publicRead })),
);

const draft = { id: 5, authorId: OWNER, submittedAt: null };
const submitted = { id: 5, authorId: OWNER, submittedAt: new Date('2026-01-01') };
const unapproved = { approvedRevisionId: null };
const approved = { approvedRevisionId: 4 };

describe('read policy', () => {
  it('lets anonymous visitors read the dataset only while public read is on; signed-in users always', () => {
    for (const ctx of contexts) expect(canReadDataset(ctx)).toBe(ctx.viewer !== null || ctx.publicRead);
  });

  it('shows an approved finding as its approved revision to every reader, and to nobody else', () => {
    for (const ctx of contexts) expect(shownRevisionId(ctx, approved, submitted)).toBe(canReadDataset(ctx) ? 4 : null);
  });

  it('keeps a never-submitted draft private to its author, reviewers and admins included', () => {
    for (const ctx of contexts) {
      const mine = ctx.viewer?.id === OWNER;
      expect(shownRevisionId(ctx, unapproved, draft), JSON.stringify(ctx)).toBe(mine ? 5 : null);
      expect(canSeeFinding(ctx, unapproved, draft)).toBe(mine);
      expect(canDiscuss(ctx, unapproved, draft)).toBe(mine);
    }
  });

  it('shows a submitted, unapproved finding to signed-in users only, whatever the setting', () => {
    for (const ctx of contexts) {
      expect(shownRevisionId(ctx, unapproved, submitted)).toBe(ctx.viewer ? 5 : null);
      expect(canDiscuss(ctx, unapproved, submitted)).toBe(ctx.viewer !== null);
    }
  });

  it('gives the public the approved revisions of a history and nothing in progress', () => {
    const anon: ReadContext = { viewer: null, publicRead: true };
    expect(canSeeRevision(anon, approved, { id: 4, authorId: 1, submittedAt: new Date() }, false)).toBe(true);
    expect(canSeeRevision(anon, approved, { id: 3, authorId: 1, submittedAt: new Date() }, true)).toBe(true);
    expect(canSeeRevision(anon, approved, submitted, false)).toBe(false);
    expect(
      canSeeRevision({ viewer: null, publicRead: false }, approved, { id: 4, authorId: 1, submittedAt: null }, true),
    ).toBe(false);
    expect(canSeeWorkflow(anon)).toBe(false);
  });

  it('gives signed-in users every submitted revision and their own drafts, not other people’s', () => {
    const other: ReadContext = { viewer: { id: 77, role: 'admin' }, publicRead: false };
    const owner: ReadContext = { viewer: { id: OWNER, role: 'curator' }, publicRead: false };
    expect(canSeeRevision(other, approved, submitted, false)).toBe(true);
    expect(canSeeRevision(other, approved, draft, false)).toBe(false);
    expect(canSeeRevision(owner, approved, draft, false)).toBe(true);
  });

  it('keeps the workflow status filters and the workflow status for signed-in users', () => {
    const anon: ReadContext = { viewer: null, publicRead: true };
    const user: ReadContext = { viewer: { id: 1, role: 'curator' }, publicRead: true };
    for (const status of ['draft', 'submitted', 'rejected', 'changes_requested']) {
      expect(canFilterByStatus(anon, status)).toBe(false);
      expect(canFilterByStatus(user, status)).toBe(true);
    }
    expect(canFilterByStatus(anon, 'approved')).toBe(true);
    expect(canFilterByStatus(anon, null)).toBe(true);
    expect(visibleStatus(anon, { approvedRevisionId: 4, status: 'submitted' })).toBe('approved');
    expect(visibleStatus(user, { approvedRevisionId: 4, status: 'submitted' })).toBe('submitted');
  });

  it('counts as published only revisions whose approval completed, not one with half a dual review', () => {
    const revisions = [
      { id: 11, revisionNo: 1 },
      { id: 12, revisionNo: 2 },
      { id: 13, revisionNo: 3 },
      { id: 14, revisionNo: 4 },
    ];
    // 1 approved then superseded; 2 had one approval of two and changes requested; 3 is current; 4 awaits review.
    expect([...everApprovedRevisionIds({ approvedRevisionId: 13 }, revisions, [1, 3])].sort()).toEqual([11, 13]);
    expect([...everApprovedRevisionIds({ approvedRevisionId: null }, revisions, [])]).toEqual([]);
  });

  it('shows open-access text to whoever may read the dataset, pasted or uploaded text to signed-in users only', () => {
    for (const ctx of contexts) {
      expect(canReadSnapshot(ctx, { openAccess: true })).toBe(canReadDataset(ctx));
      expect(canReadSnapshot(ctx, { openAccess: false })).toBe(ctx.viewer !== null);
    }
    expect(canReadSnapshot({ viewer: null, publicRead: true }, { openAccess: false })).toBe(false);
    expect(canReadSnapshot({ viewer: null, publicRead: false }, { openAccess: true })).toBe(false);
  });
});
