import { describe, expect, it } from 'vitest';
import { ROLES, WORKFLOW_STATUSES, type Role, type WorkflowStatus } from '../vocab/terms';
import { ACTIONS, transition, type Outcome, type WorkflowAction, type WorkflowContext } from './index';

/*
 * Exhaustive check of the review workflow against an independent oracle.
 *
 * The oracle below is written from the specification (DESIGN.md "Workflow" and
 * the workflow brief), never by calling `transition`. For each action it is an
 * ordered list of rules; the first rule whose `when` holds gives the expected
 * outcome. Errors are compared by kind only (the message is free text but must
 * be non-empty); successes are compared field by field.
 */

type Expected =
  | { ok: false; error: 'forbidden' | 'conflict' | 'invalid' }
  | { ok: true; next: WorkflowStatus; newRevision: boolean; publishes: boolean };

type Rule = { when: (c: WorkflowContext) => boolean; expect: Expected | ((c: WorkflowContext) => Expected) };

const forbidden: Expected = { ok: false, error: 'forbidden' };
const conflict: Expected = { ok: false, error: 'conflict' };
const invalid: Expected = { ok: false, error: 'invalid' };
const go = (next: WorkflowStatus, extra: { newRevision?: boolean; publishes?: boolean } = {}): Expected => ({
  ok: true,
  next,
  newRevision: extra.newRevision ?? false,
  publishes: extra.publishes ?? false,
});
const always = () => true;

const isDecider = (c: WorkflowContext) => c.role === 'reviewer' || c.role === 'admin';
const awaitingReview = (c: WorkflowContext) => c.status === 'submitted' && !c.latestIsDraft;
const blank = (c: WorkflowContext) => c.comment.trim() === '';

/** The checks every decision (approve / request_changes / reject) makes first, in this order. */
const decisionGuards: Rule[] = [
  { when: (c) => !isDecider(c), expect: forbidden },
  { when: (c) => !awaitingReview(c), expect: conflict },
  { when: (c) => c.isAuthor, expect: forbidden },
  { when: (c) => c.actorDecided, expect: conflict },
];

const ORACLE: Record<WorkflowAction, Rule[]> = {
  edit: [
    { when: (c) => c.latestIsDraft && c.isAuthor, expect: go('draft') },
    { when: (c) => c.latestIsDraft && !c.isAuthor, expect: conflict },
    { when: (c) => c.status === 'submitted' && !c.isAuthor, expect: conflict },
    { when: (c) => c.status === 'rejected' && c.role !== 'admin', expect: forbidden },
    { when: always, expect: go('draft', { newRevision: true }) },
  ],
  submit: [
    { when: (c) => c.latestIsDraft && c.isAuthor, expect: go('submitted') },
    { when: always, expect: conflict },
  ],
  withdraw: [
    { when: (c) => !awaitingReview(c), expect: conflict },
    { when: (c) => !c.isAuthor, expect: forbidden },
    { when: always, expect: go('draft', { newRevision: true }) },
  ],
  approve: [
    ...decisionGuards,
    { when: (c) => c.approvals + 1 >= c.approvalsRequired, expect: go('approved', { publishes: true }) },
    { when: always, expect: go('submitted') },
  ],
  request_changes: [
    ...decisionGuards,
    { when: blank, expect: invalid },
    { when: always, expect: go('changes_requested') },
  ],
  reject: [
    ...decisionGuards,
    { when: blank, expect: invalid },
    { when: always, expect: (c) => go(c.hasApproved ? 'approved' : 'rejected') },
  ],
  reopen: [
    { when: (c) => c.status !== 'rejected', expect: conflict },
    { when: (c) => c.role !== 'admin', expect: forbidden },
    { when: always, expect: go('changes_requested') },
  ],
};

function oracle(action: WorkflowAction, c: WorkflowContext): Expected {
  const rule = ORACLE[action].find((r) => r.when(c));
  if (!rule) throw new Error(`oracle has no rule for ${action} ${describeCtx(c)}`);
  return typeof rule.expect === 'function' ? rule.expect(c) : rule.expect;
}

/** Reduce an actual outcome to what the oracle predicts (drop the free-text message). */
function shape(o: Outcome): Expected {
  if (!o.ok) return { ok: false, error: o.error };
  return { ok: true, next: o.next, newRevision: o.newRevision, publishes: o.publishes };
}

function describeCtx(c: WorkflowContext): string {
  return JSON.stringify(c);
}

// ---- The dimensions --------------------------------------------------------

const STATUSES = WORKFLOW_STATUSES.values as readonly WorkflowStatus[];
const ROLE_LIST = ROLES.values as readonly Role[];
const BOOLS = [true, false] as const;
const APPROVALS = [0, 1] as const;
const REQUIRED = [1, 2] as const;
const COMMENTS = ['', 'because'] as const;

/** Every context for one status: role × isAuthor × latestIsDraft × hasApproved × approvals × required × decided × comment. */
function contextsFor(status: WorkflowStatus): WorkflowContext[] {
  const out: WorkflowContext[] = [];
  for (const role of ROLE_LIST)
    for (const isAuthor of BOOLS)
      for (const latestIsDraft of BOOLS)
        for (const hasApproved of BOOLS)
          for (const approvals of APPROVALS)
            for (const approvalsRequired of REQUIRED)
              for (const actorDecided of BOOLS)
                for (const comment of COMMENTS)
                  out.push({
                    status,
                    role,
                    isAuthor,
                    latestIsDraft,
                    hasApproved,
                    approvals,
                    approvalsRequired,
                    actorDecided,
                    comment,
                  });
  return out;
}

const PER_PAIR = 3 * 2 * 2 * 2 * 2 * 2 * 2 * 2; // 384
const TOTAL = 5 * 7 * PER_PAIR; // 13 440

describe('transition: exhaustive check against the specification oracle', () => {
  let checked = 0;

  it('covers the dimensions the specification names', () => {
    expect([...STATUSES]).toEqual(['draft', 'submitted', 'approved', 'changes_requested', 'rejected']);
    expect([...ROLE_LIST]).toEqual(['curator', 'reviewer', 'admin']);
    expect([...ACTIONS]).toEqual(['edit', 'submit', 'withdraw', 'approve', 'request_changes', 'reject', 'reopen']);
  });

  for (const action of ACTIONS) {
    for (const status of STATUSES) {
      it(`${action} from ${status}`, () => {
        const contexts = contextsFor(status);
        expect(contexts).toHaveLength(PER_PAIR);
        const mismatches: string[] = [];
        for (const c of contexts) {
          const actual = transition(action, c);
          const want = oracle(action, c);
          if (!actual.ok && !(typeof actual.message === 'string' && actual.message.trim().length > 0))
            mismatches.push(`${action} ${describeCtx(c)}: error without a message`);
          const got = shape(actual);
          if (JSON.stringify(got) !== JSON.stringify(want))
            mismatches.push(
              `${action} ${describeCtx(c)}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
            );
          checked++;
        }
        expect(mismatches, mismatches.slice(0, 20).join('\n')).toEqual([]);
      });
    }
  }

  it('the generated space has the expected size', () => {
    const all = ACTIONS.flatMap((a) => STATUSES.flatMap((s) => contextsFor(s).map((c) => [a, c] as const)));
    expect(all).toHaveLength(TOTAL);
    expect(TOTAL).toBe(13440);
    // Every combination is distinct.
    expect(new Set(all.map(([a, c]) => `${a}|${describeCtx(c)}`)).size).toBe(TOTAL);
  });

  it('checked every combination (runs last in this block)', () => {
    expect(checked).toBe(TOTAL);
  });
});

// ---- Targeted tests for the rules that matter most --------------------------

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
const ctx = (over: Partial<WorkflowContext> = {}): WorkflowContext => ({ ...base, ...over });

function expectError(o: Outcome, error: 'forbidden' | 'conflict' | 'invalid') {
  expect(o.ok).toBe(false);
  if (o.ok) return;
  expect(o.error).toBe(error);
  expect(o.message.trim()).not.toBe('');
}
function expectOk(o: Outcome, next: WorkflowStatus, extra: { newRevision?: boolean; publishes?: boolean } = {}) {
  expect(o).toEqual({ ok: true, next, newRevision: extra.newRevision ?? false, publishes: extra.publishes ?? false });
}

describe('transition: self-review', () => {
  it.each(['reviewer', 'admin'] as const)('a %s cannot approve their own revision', (role) => {
    expectError(transition('approve', ctx({ role, isAuthor: true })), 'forbidden');
  });
  it.each(['request_changes', 'reject'] as const)('nor %s it, even as admin', (action) => {
    expectError(transition(action, ctx({ role: 'admin', isAuthor: true })), 'forbidden');
  });
  it('own-revision check comes before the already-decided check', () => {
    expectError(transition('approve', ctx({ role: 'admin', isAuthor: true, actorDecided: true })), 'forbidden');
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
    expectError(transition(action, ctx({ comment })), 'invalid');
  });
  it('approve needs no comment', () => {
    expectOk(transition('approve', ctx({ comment: '' })), 'approved', { publishes: true });
  });
  it('request_changes with a comment → changes_requested', () => {
    expectOk(transition('request_changes', ctx({ comment: 'fix the dose' })), 'changes_requested');
  });
});

describe('transition: dual review', () => {
  it('with 2 required, the first approval keeps the revision submitted and does not publish', () => {
    expectOk(transition('approve', ctx({ approvalsRequired: 2, approvals: 0 })), 'submitted');
  });
  it('with 2 required, a second reviewer’s approval approves and publishes', () => {
    expectOk(transition('approve', ctx({ approvalsRequired: 2, approvals: 1 })), 'approved', { publishes: true });
  });
  it('with 1 required, the first approval approves and publishes', () => {
    expectOk(transition('approve', ctx({ approvalsRequired: 1, approvals: 0 })), 'approved', { publishes: true });
  });
  it('the first approver cannot supply the second approval', () => {
    expectError(transition('approve', ctx({ approvalsRequired: 2, approvals: 0, actorDecided: true })), 'conflict');
  });
});

describe('transition: who may decide, and on what', () => {
  it.each(['approve', 'request_changes', 'reject'] as const)(
    'a reviewer who already decided gets conflict on %s',
    (action) => {
      expectError(transition(action, ctx({ actorDecided: true })), 'conflict');
    },
  );
  it.each(
    (['draft', 'approved', 'changes_requested', 'rejected'] as const).flatMap((status) =>
      (['approve', 'request_changes', 'reject'] as const).map((action) => [action, status] as const),
    ),
  )('%s on a %s finding is a conflict', (action, status) => {
    expectError(transition(action, ctx({ status })), 'conflict');
  });
  it.each(['approve', 'request_changes', 'reject'] as const)(
    '%s when the latest revision is a draft is a conflict',
    (action) => {
      expectError(transition(action, ctx({ latestIsDraft: true })), 'conflict');
    },
  );
  it.each(['approve', 'request_changes', 'reject'] as const)('a curator doing %s is forbidden', (action) => {
    expectError(transition(action, ctx({ role: 'curator' })), 'forbidden');
  });
  it('a curator is forbidden before any state check (even on a draft)', () => {
    expectError(transition('approve', ctx({ role: 'curator', status: 'draft', latestIsDraft: true })), 'forbidden');
  });
});

describe('transition: rejecting', () => {
  it('rejecting an edit of an already approved finding goes back to approved without publishing', () => {
    expectOk(transition('reject', ctx({ hasApproved: true })), 'approved', { publishes: false });
  });
  it('rejecting a never-approved finding gives rejected', () => {
    expectOk(transition('reject', ctx({ hasApproved: false })), 'rejected');
  });
});

describe('transition: reopen', () => {
  it('an admin reopens a rejected finding to changes_requested', () => {
    expectOk(transition('reopen', ctx({ status: 'rejected', role: 'admin' })), 'changes_requested');
  });
  it.each(['curator', 'reviewer'] as const)('a %s may not reopen', (role) => {
    expectError(transition('reopen', ctx({ status: 'rejected', role })), 'forbidden');
  });
  it.each(['draft', 'submitted', 'approved', 'changes_requested'] as const)(
    'reopening a %s finding is a conflict, even for an admin',
    (status) => {
      expectError(transition('reopen', ctx({ status, role: 'admin' })), 'conflict');
    },
  );
});

describe('transition: edit', () => {
  it('the author continues their own open draft (no new revision)', () => {
    expectOk(
      transition('edit', ctx({ status: 'draft', latestIsDraft: true, isAuthor: true, role: 'curator' })),
      'draft',
    );
  });
  it.each(['curator', 'reviewer', 'admin'] as const)('editing someone else’s open draft is a conflict (%s)', (role) => {
    expectError(
      transition('edit', ctx({ status: 'approved', latestIsDraft: true, isAuthor: false, role })),
      'conflict',
    );
  });
  it.each(['curator', 'reviewer'] as const)('a %s may not edit a rejected finding', (role) => {
    expectError(transition('edit', ctx({ status: 'rejected', role, isAuthor: true })), 'forbidden');
  });
  it('an admin editing a rejected finding starts a new draft revision', () => {
    expectOk(transition('edit', ctx({ status: 'rejected', role: 'admin' })), 'draft', { newRevision: true });
  });
  it.each(['curator', 'reviewer', 'admin'] as const)(
    'a %s editing an approved finding creates a new revision',
    (role) => {
      expectOk(transition('edit', ctx({ status: 'approved', role, hasApproved: true })), 'draft', {
        newRevision: true,
      });
    },
  );
  it('editing someone else’s submitted revision is a conflict', () => {
    expectError(transition('edit', ctx({ status: 'submitted', role: 'admin' })), 'conflict');
  });
  it('editing changes_requested starts a new draft revision', () => {
    expectOk(transition('edit', ctx({ status: 'changes_requested', role: 'curator', isAuthor: true })), 'draft', {
      newRevision: true,
    });
  });
});

describe('transition: submit', () => {
  it('the author submits their draft', () => {
    expectOk(
      transition('submit', ctx({ status: 'draft', latestIsDraft: true, isAuthor: true, role: 'curator' })),
      'submitted',
    );
  });
  it('submitting someone else’s draft is a conflict', () => {
    expectError(
      transition('submit', ctx({ status: 'draft', latestIsDraft: true, isAuthor: false, role: 'admin' })),
      'conflict',
    );
  });
  it('submitting with no open draft is a conflict', () => {
    expectError(transition('submit', ctx({ status: 'submitted', isAuthor: true })), 'conflict');
  });
});

describe('transition: withdraw', () => {
  it('the author withdraws a submitted revision into a new draft revision', () => {
    expectOk(transition('withdraw', ctx({ isAuthor: true, role: 'curator' })), 'draft', { newRevision: true });
  });
  it.each(['curator', 'reviewer', 'admin'] as const)('a %s who is not the author may not withdraw', (role) => {
    expectError(transition('withdraw', ctx({ isAuthor: false, role })), 'forbidden');
  });
  it.each(['draft', 'approved', 'changes_requested', 'rejected'] as const)(
    'withdrawing from %s is a conflict',
    (status) => {
      expectError(transition('withdraw', ctx({ status, isAuthor: true })), 'conflict');
    },
  );
  it('withdrawing when the latest revision is a draft is a conflict', () => {
    expectError(transition('withdraw', ctx({ latestIsDraft: true, isAuthor: true })), 'conflict');
  });
});
