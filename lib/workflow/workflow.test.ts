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
