/**
 * The write clients: each runs edit → submit → approve through the app's domain functions (saveDraft and
 * submitFinding as a curator, decide as a reviewer) and tallies what it did. In the disjoint scenario each
 * client works on findings of its own; in the contention scenario all clients pick from one small set.
 */
import type { DbHandle } from '../../../db/client';
import { type Actor, saveDraft, submitFinding } from '../../../db/queries/curation';
import { readFindingState } from '../../../db/queries/finding-state';
import { decide } from '../../../db/queries/review';
import { DomainError } from '../../../lib/errors';
import { revisionToContent } from '../../../lib/finding/from-row';
import type { FillReport } from '../fill';

/**
 * What the clients did to one finding, to check the database against afterwards: successful transactions,
 * revisions created (and their ids), the last approved revision, and every lock version a success returned.
 */
export type Touch = {
  tx: number;
  created: number;
  revisionIds: number[];
  lastApproved: number | null;
  /** The lock version the last approval returned (approvals by different clients land in version order). */
  approvedVersion: number;
  versions: number[];
};
export const KINDS = ['saveDraft', 'submitFinding', 'decide'] as const;
type Kind = (typeof KINDS)[number];
export type Tally = {
  touched: Map<number, Touch>;
  /** Per successful transaction. */
  lat: number[];
  /** Edit → submit → approve, start of saveDraft to end of decide (what one pgbench script run is). */
  cycleLat: number[];
  latByKind: Record<Kind, number[]>;
  /** Round trips per successful transaction, when the handle's wire is counted (round-trips.ts). */
  flightsByKind: Record<Kind, number[]>;
  /** Refused as conflicts, by the step that was refused and the error's entity. */
  conflicts: number;
  conflictKinds: Record<string, number>;
  otherErrors: number;
};

export const newTally = (): Tally => ({
  touched: new Map(),
  lat: [],
  cycleLat: [],
  latByKind: { saveDraft: [], submitFinding: [], decide: [] },
  flightsByKind: { saveDraft: [], submitFinding: [], decide: [] },
  conflicts: 0,
  conflictKinds: {},
  otherErrors: 0,
});

export const newTouch = (): Touch => ({
  tx: 0,
  created: 0,
  revisionIds: [],
  lastApproved: null,
  approvedVersion: -1,
  versions: [],
});

type Cycle = { app: DbHandle; curator: Actor; reviewer: Actor; tally: Tally; flights?: () => number };

class StepConflict extends Error {
  constructor(
    readonly step: Kind,
    readonly cause: DomainError,
  ) {
    super(cause.message);
  }
}

async function step<T>(w: Cycle, kind: Kind, fn: () => Promise<T>): Promise<T> {
  const f0 = w.flights?.() ?? 0;
  const s = performance.now();
  let r: T;
  try {
    r = await fn();
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'conflict') throw new StepConflict(kind, e);
    throw e;
  }
  const ms = performance.now() - s;
  w.tally.lat.push(ms);
  w.tally.latByKind[kind].push(ms);
  if (w.flights) w.tally.flightsByKind[kind].push(w.flights() - f0);
  return r;
}

/** One edit → submit → approve cycle on finding `id`, from what an editor would load; `t` records each success. */
async function editSubmitApprove(w: Cycle, id: number, tag: string, t: Touch) {
  const { app, curator, reviewer, tally } = w;
  // What the editor loads (the app's own prepared read): the lock version and the latest revision.
  const { f, latest } = await readFindingState(app.db, id);
  const row = { lock: f.lockVersion, rev: latest };
  const content = {
    ...revisionToContent(row.rev),
    result: `${row.rev.result.replace(/ \(bench edit [\d-]+\)$/, '')} (bench edit ${tag})`,
  };
  const cycleStart = performance.now();
  const saved = await step(w, 'saveDraft', () =>
    saveDraft(app.db, curator, { findingId: id, lockVersion: row.lock, content, changeSummary: 'Bench edit' }),
  );
  t.tx++;
  t.versions.push(saved.lockVersion);
  if (saved.created) {
    t.created++;
    t.revisionIds.push(saved.revisionId);
  }
  const sub = await step(w, 'submitFinding', () =>
    submitFinding(app.db, curator, { findingId: id, lockVersion: saved.lockVersion }),
  );
  t.tx++;
  t.versions.push(sub.lockVersion);
  const decided = await step(w, 'decide', () =>
    decide(app.db, reviewer, {
      findingId: id,
      revisionNo: sub.revisionNo,
      lockVersion: sub.lockVersion,
      decision: 'approve',
      comment: '',
    }),
  );
  t.tx++;
  t.versions.push(decided.lockVersion);
  tally.cycleLat.push(performance.now() - cycleStart);
  if (decided.lockVersion > t.approvedVersion) {
    t.approvedVersion = decided.lockVersion;
    t.lastApproved = saved.revisionId;
  }
}

export type ClientSpec = {
  c: number;
  clients: number;
  deadline: number;
  /** Round trips so far on `app`'s wire, when counted. */
  flights?: () => number;
};

/**
 * Client `c` of `clients`: until the deadline, either every clients-th finding of `ids` in turn (disjoint),
 * or (`shared`) a random one of `ids` each time, which other clients edit too.
 */
export async function runClient(
  app: DbHandle,
  fill: FillReport,
  client: ClientSpec & { shared?: boolean },
  ids: number[],
  tally: Tally,
) {
  const { c, clients, deadline, shared } = client;
  const curator: Actor = { id: fill.curators[c % fill.curators.length]!.id, role: 'curator' };
  const reviewer: Actor = { id: fill.reviewers[c % fill.reviewers.length]!.id, role: 'reviewer' };
  const mine = shared ? ids : ids.filter((_, i) => i % clients === c);
  let k = 0;
  while (performance.now() < deadline && (shared || k < mine.length)) {
    const id = shared ? mine[Math.floor(Math.random() * mine.length)]! : mine[k]!;
    k++;
    const t = tally.touched.get(id) ?? newTouch();
    tally.touched.set(id, t);
    try {
      await editSubmitApprove({ app, curator, reviewer, tally, flights: client.flights }, id, `${c}-${k}`, t);
    } catch (e) {
      if (e instanceof StepConflict) {
        tally.conflicts++;
        // finding: a stale lock version, someone else's draft or a decided revision; duplicate: submit refused
        // as identical to another finding.
        const key = `${e.step}:${e.cause.entity}`;
        tally.conflictKinds[key] = (tally.conflictKinds[key] ?? 0) + 1;
      } else {
        tally.otherErrors++;
        if (tally.otherErrors <= 3) console.error('write error:', e);
      }
    }
  }
}
