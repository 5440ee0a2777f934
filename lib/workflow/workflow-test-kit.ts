/** What the targeted workflow tests share: a context to vary and the two outcome checks. */
import { expect } from 'vitest';
import type { WorkflowStatus } from '../vocab/terms';
import type { Outcome, WorkflowContext } from './index';

/** A reviewer (not the author) deciding on a submitted revision, with a comment. */
const base: WorkflowContext = {
  status: 'submitted',
  role: 'reviewer',
  isAuthor: false,
  latestIsDraft: false,
  hasApproved: false,
  approvals: 0,
  approvalsRequired: 1,
  actorDecided: false,
  comment: 'because',
};
export const makeContext = (over: Partial<WorkflowContext> = {}): WorkflowContext => ({ ...base, ...over });

export function expectError(o: Outcome, error: 'forbidden' | 'conflict' | 'invalid') {
  expect(o.ok).toBe(false);
  if (o.ok) return;
  expect(o.error).toBe(error);
  expect(o.message.trim()).not.toBe('');
}
export function expectOk(o: Outcome, next: WorkflowStatus, extra: { newRevision?: boolean; publishes?: boolean } = {}) {
  expect(o).toEqual({ ok: true, next, newRevision: extra.newRevision ?? false, publishes: extra.publishes ?? false });
}
