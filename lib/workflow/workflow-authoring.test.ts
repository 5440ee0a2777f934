import { describe, it } from 'vitest';
import { transition } from './index';
import { expectError, expectOk, makeContext } from './workflow-test-kit';

describe('transition: edit', () => {
  it('the author continues their own open draft (no new revision)', () => {
    expectOk(
      transition('edit', makeContext({ status: 'draft', latestIsDraft: true, isAuthor: true, role: 'curator' })),
      'draft',
    );
  });
  it.each(['curator', 'reviewer', 'admin'] as const)('editing someone else’s open draft is a conflict (%s)', (role) => {
    expectError(
      transition('edit', makeContext({ status: 'approved', latestIsDraft: true, isAuthor: false, role })),
      'conflict',
    );
  });
  it.each(['curator', 'reviewer'] as const)('a %s may not edit a rejected finding', (role) => {
    expectError(transition('edit', makeContext({ status: 'rejected', role, isAuthor: true })), 'forbidden');
  });
  it('an admin editing a rejected finding starts a new draft revision', () => {
    expectOk(transition('edit', makeContext({ status: 'rejected', role: 'admin' })), 'draft', { newRevision: true });
  });
  it.each(['curator', 'reviewer', 'admin'] as const)(
    'a %s editing an approved finding creates a new revision',
    (role) => {
      expectOk(transition('edit', makeContext({ status: 'approved', role, hasApproved: true })), 'draft', {
        newRevision: true,
      });
    },
  );
  it('editing someone else’s submitted revision is a conflict', () => {
    expectError(transition('edit', makeContext({ status: 'submitted', role: 'admin' })), 'conflict');
  });
  it('editing changes_requested starts a new draft revision', () => {
    expectOk(
      transition('edit', makeContext({ status: 'changes_requested', role: 'curator', isAuthor: true })),
      'draft',
      {
        newRevision: true,
      },
    );
  });
});

describe('transition: submit', () => {
  it('the author submits their draft', () => {
    expectOk(
      transition('submit', makeContext({ status: 'draft', latestIsDraft: true, isAuthor: true, role: 'curator' })),
      'submitted',
    );
  });
  it('submitting someone else’s draft is a conflict', () => {
    expectError(
      transition('submit', makeContext({ status: 'draft', latestIsDraft: true, isAuthor: false, role: 'admin' })),
      'conflict',
    );
  });
  it('submitting with no open draft is a conflict', () => {
    expectError(transition('submit', makeContext({ status: 'submitted', isAuthor: true })), 'conflict');
  });
});

describe('transition: withdraw', () => {
  it('the author withdraws a submitted revision into a new draft revision', () => {
    expectOk(transition('withdraw', makeContext({ isAuthor: true, role: 'curator' })), 'draft', { newRevision: true });
  });
  it.each(['curator', 'reviewer', 'admin'] as const)('a %s who is not the author may not withdraw', (role) => {
    expectError(transition('withdraw', makeContext({ isAuthor: false, role })), 'forbidden');
  });
  it.each(['draft', 'approved', 'changes_requested', 'rejected'] as const)(
    'withdrawing from %s is a conflict',
    (status) => {
      expectError(transition('withdraw', makeContext({ status, isAuthor: true })), 'conflict');
    },
  );
  it('withdrawing when the latest revision is a draft is a conflict', () => {
    expectError(transition('withdraw', makeContext({ latestIsDraft: true, isAuthor: true })), 'conflict');
  });
});
