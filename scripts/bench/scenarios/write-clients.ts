/**
 * The write clients: each runs edit → submit → approve through the app's domain functions (saveDraft and
 * submitFinding as a curator, decide as a reviewer) on findings of its own, and tallies what it did.
 */
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../../db/client';
import { type Actor, saveDraft, submitFinding } from '../../../db/queries/curation';
import { decide } from '../../../db/queries/review';
import { findingRevisions, findings } from '../../../db/schema';
import { DomainError } from '../../../lib/errors';
import { revisionToContent } from '../../../lib/finding/from-row';
import type { FillReport } from '../fill';

/** What the clients did to one finding, to check the database against afterwards. */
export type Touch = { tx: number; created: number; revisionIds: number[]; lastApproved: number | null };
export type Tally = {
  touched: Map<number, Touch>;
  /** Per successful transaction. */
  lat: number[];
  /** Edit → submit → approve, start of saveDraft to end of decide (what one pgbench script run is). */
  cycleLat: number[];
  latByKind: Record<string, number[]>;
  conflicts: number;
  conflictKinds: Record<string, number>;
  otherErrors: number;
};

export const newTally = (): Tally => ({
  touched: new Map(),
  lat: [],
  cycleLat: [],
  latByKind: { saveDraft: [], submitFinding: [], decide: [] },
  conflicts: 0,
  conflictKinds: {},
  otherErrors: 0,
});

async function timed<T>(tally: Tally, kind: string, fn: () => Promise<T>): Promise<T> {
  const s = performance.now();
  const r = await fn();
  const ms = performance.now() - s;
  tally.lat.push(ms);
  tally.latByKind[kind]!.push(ms);
  return r;
}

type Cycle = { app: DbHandle; curator: Actor; reviewer: Actor; tally: Tally };

async function editSubmitApprove(w: Cycle, id: number, tag: string, t: Touch) {
  const { app, curator, reviewer, tally } = w;
  const [row] = await app.db
    .select({ lock: findings.lockVersion, rev: findingRevisions })
    .from(findings)
    .innerJoin(findingRevisions, eq(findingRevisions.id, findings.latestRevisionId))
    .where(eq(findings.id, id));
  const content = {
    ...revisionToContent(row!.rev),
    result: `${row!.rev.result.replace(/ \(bench edit \d+\)$/, '')} (bench edit ${tag})`,
  };
  const cycleStart = performance.now();
  const saved = await timed(tally, 'saveDraft', () =>
    saveDraft(app.db, curator, { findingId: id, lockVersion: row!.lock, content, changeSummary: 'Bench edit' }),
  );
  t.tx++;
  if (saved.created) {
    t.created++;
    t.revisionIds.push(saved.revisionId);
  }
  const sub = await timed(tally, 'submitFinding', () =>
    submitFinding(app.db, curator, { findingId: id, lockVersion: saved.lockVersion }),
  );
  t.tx++;
  await timed(tally, 'decide', () =>
    decide(app.db, reviewer, {
      findingId: id,
      revisionNo: sub.revisionNo,
      lockVersion: sub.lockVersion,
      decision: 'approve',
      comment: '',
    }),
  );
  t.tx++;
  tally.cycleLat.push(performance.now() - cycleStart);
  t.lastApproved = saved.revisionId;
}

/** Client `c` of `clients`: every clients-th finding of `ids`, in turn, until the deadline. */
export async function runClient(
  app: DbHandle,
  fill: FillReport,
  client: { c: number; clients: number; deadline: number },
  ids: number[],
  tally: Tally,
) {
  const { c, clients, deadline } = client;
  const curator: Actor = { id: fill.curators[c % fill.curators.length]!.id, role: 'curator' };
  const reviewer: Actor = { id: fill.reviewers[c % fill.reviewers.length]!.id, role: 'reviewer' };
  const mine = ids.filter((_, i) => i % clients === c);
  let k = 0;
  while (performance.now() < deadline && k < mine.length) {
    const id = mine[k++]!;
    const t: Touch = tally.touched.get(id) ?? { tx: 0, created: 0, revisionIds: [], lastApproved: null };
    tally.touched.set(id, t);
    try {
      await editSubmitApprove({ app, curator, reviewer, tally }, id, `${c}-${k}`, t);
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'conflict') {
        tally.conflicts++;
        // 'finding': a stale lock version or someone else's draft; 'duplicate': submit refused as identical to another finding.
        tally.conflictKinds[e.entity] = (tally.conflictKinds[e.entity] ?? 0) + 1;
      } else {
        tally.otherErrors++;
        if (tally.otherErrors <= 3) console.error('write error:', e);
      }
    }
  }
}
