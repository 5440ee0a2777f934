import { describe, it } from 'vitest';
import { transition } from './index';
import { expectError, expectOk, makeContext } from './workflow-test-kit';

describe('transition: self-review', () => {
  it.each(['reviewer', 'admin'] as const)('a %s cannot approve their own revision', (role) => {
    expectError(transition('approve', makeContext({ role, isAuthor: true })), 'forbidden');
  });
  it.each(['request_changes', 'reject'] as const)('nor %s it, even as admin', (action) => {
    expectError(transition(action, makeContext({ role: 'admin', isAuthor: true })), 'forbidden');
  });
  it('own-revision check comes before the already-decided check', () => {
    expectError(transition('approve', makeContext({ role: 'admin', isAuthor: true, actorDecided: true })), 'forbidden');
  });
});

describe('transition: comments on negative decisions', () => {
  it.each([
    ['request_changes', ''],
    ['request_changes', '   '],
    ['request_changes', '\n\t '],
    ['reject', ''],
    ['reject', '  '],
    ['reject', '\n'],
  ] as const)('%s with comment %j is invalid', (action, comment) => {
    expectError(transition(action, makeContext({ comment })), 'invalid');
  });
  it('approve needs no comment', () => {
    expectOk(transition('approve', makeContext({ comment: '' })), 'approved', { publishes: true });
  });
  it('request_changes with a comment → changes_requested', () => {
    expectOk(transition('request_changes', makeContext({ comment: 'fix the dose' })), 'changes_requested');
  });
});

describe('transition: dual review', () => {
  it('with 2 required, the first approval keeps the revision submitted and does not publish', () => {
    expectOk(transition('approve', makeContext({ approvalsRequired: 2, approvals: 0 })), 'submitted');
  });
  it('with 2 required, a second reviewer’s approval approves and publishes', () => {
    expectOk(transition('approve', makeContext({ approvalsRequired: 2, approvals: 1 })), 'approved', {
      publishes: true,
    });
  });
  it('with 1 required, the first approval approves and publishes', () => {
    expectOk(transition('approve', makeContext({ approvalsRequired: 1, approvals: 0 })), 'approved', {
      publishes: true,
    });
  });
  it('the first approver cannot supply the second approval', () => {
    expectError(
      transition('approve', makeContext({ approvalsRequired: 2, approvals: 0, actorDecided: true })),
      'conflict',
    );
  });
});

describe('transition: who may decide, and on what', () => {
  it.each(['approve', 'request_changes', 'reject'] as const)(
    'a reviewer who already decided gets conflict on %s',
    (action) => {
      expectError(transition(action, makeContext({ actorDecided: true })), 'conflict');
    },
  );
  it.each(
    (['draft', 'approved', 'changes_requested', 'rejected'] as const).flatMap((status) =>
      (['approve', 'request_changes', 'reject'] as const).map((action) => [action, status] as const),
    ),
  )('%s on a %s finding is a conflict', (action, status) => {
    expectError(transition(action, makeContext({ status })), 'conflict');
  });
  it.each(['approve', 'request_changes', 'reject'] as const)(
    '%s when the latest revision is a draft is a conflict',
    (action) => {
      expectError(transition(action, makeContext({ latestIsDraft: true })), 'conflict');
    },
  );
  it.each(['approve', 'request_changes', 'reject'] as const)('a curator doing %s is forbidden', (action) => {
    expectError(transition(action, makeContext({ role: 'curator' })), 'forbidden');
  });
  it('a curator is forbidden before any state check (even on a draft)', () => {
    expectError(
      transition('approve', makeContext({ role: 'curator', status: 'draft', latestIsDraft: true })),
      'forbidden',
    );
  });
});

describe('transition: rejecting', () => {
  it('rejecting an edit of an already approved finding goes back to approved without publishing', () => {
    expectOk(transition('reject', makeContext({ hasApproved: true })), 'approved', { publishes: false });
  });
  it('rejecting a never-approved finding gives rejected', () => {
    expectOk(transition('reject', makeContext({ hasApproved: false })), 'rejected');
  });
});

describe('transition: reopen', () => {
  it('an admin reopens a rejected finding to changes_requested', () => {
    expectOk(transition('reopen', makeContext({ status: 'rejected', role: 'admin' })), 'changes_requested');
  });
  it.each(['curator', 'reviewer'] as const)('a %s may not reopen', (role) => {
    expectError(transition('reopen', makeContext({ status: 'rejected', role })), 'forbidden');
  });
  it.each(['draft', 'submitted', 'approved', 'changes_requested'] as const)(
    'reopening a %s finding is a conflict, even for an admin',
    (status) => {
      expectError(transition('reopen', makeContext({ status, role: 'admin' })), 'conflict');
    },
  );
});
