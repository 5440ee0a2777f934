/**
 * The review workflow as a pure function: given where a finding stands, who
 * acts and what they ask for, either the next status (and what else happens)
 * or why not. The database layer (db/queries/review.ts, curation.ts) applies
 * the outcome in one transaction; nothing else decides transitions.
 *
 *   draft ──submit──▶ submitted ──approve (enough approvals)──▶ approved
 *     ▲                 │ └──reject──▶ rejected (or back to approved when an approved version exists)
 *     └─edit── changes_requested ◀──request_changes──┘
 *   approved ──edit──▶ draft of a new revision (the approved one stays public)
 *   submitted ──withdraw (its author)──▶ draft (a new draft revision equal to it)
 *   rejected ──reopen (admin)──▶ changes_requested
 */
import { hasRole } from '../auth/roles';
import type { Role, WorkflowStatus } from '../vocab/terms';

export const ACTIONS = ['edit', 'submit', 'withdraw', 'approve', 'request_changes', 'reject', 'reopen'] as const;
export type WorkflowAction = (typeof ACTIONS)[number];
export const DECISIONS = ['approve', 'request_changes', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export type WorkflowContext = {
  status: WorkflowStatus;
  role: Role;
  /** The actor wrote the finding's latest revision. */
  isAuthor: boolean;
  /** The latest revision is an unsubmitted draft. */
  latestIsDraft: boolean;
  /** The finding has an approved revision (shown publicly). */
  hasApproved: boolean;
  /** Approvals of the latest revision by reviewers other than the actor. */
  approvals: number;
  approvalsRequired: 1 | 2;
  /** The actor already decided on the latest revision. */
  actorDecided: boolean;
  /** The comment given with the action, if any. */
  comment: string;
};

export type Outcome =
  | { ok: true; next: WorkflowStatus; newRevision: boolean; publishes: boolean }
  | { ok: false; error: 'forbidden' | 'conflict' | 'invalid'; message: string };

const no = (error: 'forbidden' | 'conflict' | 'invalid', message: string): Outcome => ({ ok: false, error, message });
const to = (next: WorkflowStatus, extra: { newRevision?: boolean; publishes?: boolean } = {}): Outcome => ({
  ok: true,
  next,
  newRevision: extra.newRevision ?? false,
  publishes: extra.publishes ?? false,
});

export function transition(action: WorkflowAction, c: WorkflowContext): Outcome {
  if (!hasRole(c.role, 'curator')) return no('forbidden', 'Sign in as a curator to change findings.');
  switch (action) {
    case 'edit':
      if (c.latestIsDraft)
        return c.isAuthor ? to('draft') : no('conflict', 'Another curator has an unsubmitted draft of this finding.');
      if (c.status === 'submitted' && !c.isAuthor)
        return no('conflict', 'This finding is awaiting review; comment on it instead.');
      if (c.status === 'rejected' && c.role !== 'admin')
        return no('forbidden', 'This finding was rejected; only an admin may reopen it.');
      return to('draft', { newRevision: true });

    case 'submit':
      if (!c.latestIsDraft || !c.isAuthor)
        return no('conflict', 'There is no draft of yours to submit on this finding.');
      return to('submitted');

    case 'withdraw':
      if (c.status !== 'submitted' || c.latestIsDraft)
        return no('conflict', 'Only a revision awaiting review can be withdrawn.');
      if (!c.isAuthor) return no('forbidden', 'Only the author of a revision may withdraw it.');
      return to('draft', { newRevision: true });

    case 'approve':
    case 'request_changes':
    case 'reject': {
      if (!hasRole(c.role, 'reviewer')) return no('forbidden', 'Only reviewers and admins decide on revisions.');
      if (c.status !== 'submitted' || c.latestIsDraft)
        return no('conflict', 'This revision is not awaiting review (it may have been decided already).');
      if (c.isAuthor)
        return no(
          'forbidden',
          'You cannot review your own revision; ask another reviewer. You may withdraw it instead.',
        );
      if (c.actorDecided) return no('conflict', 'You have already decided on this revision.');
      if (action === 'approve') {
        const approvals = c.approvals + 1;
        return approvals >= c.approvalsRequired ? to('approved', { publishes: true }) : to('submitted');
      }
      if (c.comment.trim().length === 0)
        return no('invalid', action === 'reject' ? 'Say why the revision is rejected.' : 'Say what needs to change.');
      if (action === 'request_changes') return to('changes_requested');
      // Rejecting an edit of an approved finding leaves the approved version standing.
      return to(c.hasApproved ? 'approved' : 'rejected');
    }

    case 'reopen':
      if (c.status !== 'rejected') return no('conflict', 'Only a rejected finding can be reopened.');
      if (c.role !== 'admin') return no('forbidden', 'Only an admin may reopen a rejected finding.');
      return to('changes_requested');
  }
}
