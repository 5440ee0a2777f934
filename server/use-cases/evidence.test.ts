/** evidence.decide through the seam (execute), on both engines: who may decide a proposed move, and how once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { addSnapshot } from '@/db/queries/snapshots';
import { anchorOf, EDITED, openSnapshotKit, type SnapshotKit, V1, V2 } from '@/db/queries/snapshots-test-kit';
import { domainFailure, testEngines } from '@/db/test-utils';
import type { Actor } from '../session';
import { execute, type UseCase } from '../use-case';
import { decideAnchoringUseCase } from './evidence';

const asActor = (a: { id: number; role: Actor['role'] }, over: Partial<Actor> = {}): Actor => ({
  email: `${a.id}@example.org`,
  name: `User ${a.id}`,
  ...a,
  via: 'session',
  scope: 'write',
  ...over,
});

describe.each(testEngines())('evidence.decide on %s', (engine) => {
  let k: SnapshotKit;
  /** Proposals in the second text: of a submitted finding, and of another curator's private draft. */
  let proposal: number;
  let privateProposal: number;
  let findingId: number;

  beforeAll(async () => {
    k = await openSnapshotKit(engine);
    const { sourceId } = await k.givenSource();
    await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'paste', extracted: V1 });
    ({ findingId } = await k.givenQuoted(sourceId, V1.text, EDITED));
    await k.givenDraft(sourceId, { evidenceQuote: EDITED, evidenceAnchor: anchorOf(V1.text, EDITED) }, k.otherCurator);
    const { snapshot } = await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'paste', extracted: V2 });
    const rows = await k.t.query<{ id: number; submitted: boolean }>(
      `select a.id, r.submitted_at is not null as submitted from evidence_anchorings a
         join finding_revisions r on r.id = a.revision_id where a.snapshot_id = $1 and a.status = 'proposed'`,
      [snapshot.id],
    );
    proposal = rows.find((r) => r.submitted)!.id;
    privateProposal = rows.find((r) => !r.submitted)!.id;
  });
  afterAll(() => k.t.dispose());

  const run = <S extends z.ZodType, O>(uc: UseCase<S, O>, actor: Actor | null, raw: unknown) =>
    execute(uc, actor, raw, k.t.db);

  it('checks the caller first: signed out → unauthorized, a read-only token → forbidden', async () => {
    const input = { anchoringId: proposal, decision: 'accepted' };
    expect((await domainFailure(run(decideAnchoringUseCase, null, input))).kind).toBe('unauthorized');
    const readOnly = asActor(k.curator, { via: 'token', scope: 'read' });
    expect((await domainFailure(run(decideAnchoringUseCase, readOnly, input))).code).toBe('forbidden:token');
    expect(decideAnchoringUseCase).toMatchObject({ role: 'curator', writes: true, name: 'evidence.decide' });
    expect(await k.auditOf('evidence.accept')).toEqual([]);
  });

  it('names bad input per field', async () => {
    const e = await domainFailure(
      run(decideAnchoringUseCase, asActor(k.curator), { anchoringId: 'x', decision: 'maybe' }),
    );
    expect(e.kind).toBe('invalid');
    expect(Object.keys(e.fields ?? {})).toEqual(expect.arrayContaining(['anchoringId', 'decision']));
  });

  it('hides another curator’s draft, and decides a proposal once', async () => {
    const hidden = await domainFailure(
      run(decideAnchoringUseCase, asActor(k.reviewer), { anchoringId: privateProposal, decision: 'rejected' }),
    );
    expect(hidden.code).toBe('not_found:anchoring');
    // The form sends strings.
    const ok = await run(decideAnchoringUseCase, asActor(k.curator), {
      anchoringId: String(proposal),
      decision: 'accepted',
    });
    expect(ok.output).toEqual({ findingId });
    expect(decideAnchoringUseCase.revalidate?.(ok.input, ok.output)).toContain('/evidence/anchors');
    const again = await domainFailure(
      run(decideAnchoringUseCase, asActor(k.admin), { anchoringId: proposal, decision: 'rejected' }),
    );
    expect(again.code).toBe('conflict:anchoring');
    const mine = await run(decideAnchoringUseCase, asActor(k.otherCurator), {
      anchoringId: privateProposal,
      decision: 'rejected',
    });
    expect(mine.output.findingId).toBeGreaterThan(0);
  });
});
