/** Included papers to curators through the seam (execute), on both engines: who may assign, claim and set the status; audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { listIncludedPapers } from '@/db/queries/assignments';
import { type LiteratureKit, openLiteratureKit } from '@/db/queries/literature-test-kit';
import { domainFailure, testEngines } from '@/db/test-utils';
import type { Actor } from '../session';
import { execute, type UseCase } from '../use-case';
import { assignPaperUseCase, claimPaperUseCase, setCurationStatusUseCase } from './assignments';

const asActor = (a: { id: number; role: Actor['role'] }, over: Partial<Actor> = {}): Actor => ({
  email: `${a.id}@example.org`,
  name: `User ${a.id}`,
  ...a,
  via: 'session',
  scope: 'write',
  ...over,
});

describe.each(testEngines())('paper assignments on %s', (engine) => {
  let k: LiteratureKit;
  beforeAll(async () => {
    k = await openLiteratureKit(engine);
  });
  afterAll(() => k.t.dispose());

  const run = <S extends z.ZodType, O>(uc: UseCase<S, O>, actor: Actor | null, raw: unknown) =>
    execute(uc, actor, raw, k.t.db);
  const audit = (action: string) =>
    k.t.query<{ actor_id: number; entity_id: string; detail: Record<string, unknown> }>(
      `select actor_id, entity_id, detail from audit_events where action = $1 order by id`,
      [action],
    );

  it('lists included papers with their source; a submitted finding shows as findings submitted', async () => {
    const papers = await listIncludedPapers(k.t.db);
    expect(papers.map((p) => p.candidateId)).toEqual([k.id.A, k.id.B]);
    expect(papers[0]).toMatchObject({ doi: '10.5555/kit.a', assignee: null, status: 'to_curate' });
    expect(papers[1]!.status).toBe('findings_submitted');
  });

  it('only reviewers and admins assign; signed out and read-only tokens are refused', async () => {
    const input = { candidateId: k.id.A, userId: k.curator.id };
    expect((await domainFailure(run(assignPaperUseCase, null, input))).kind).toBe('unauthorized');
    expect((await domainFailure(run(assignPaperUseCase, asActor(k.curator), input))).code).toBe('forbidden:role');
    const readOnly = asActor(k.reviewer, { via: 'token', scope: 'read' });
    expect((await domainFailure(run(assignPaperUseCase, readOnly, input))).code).toBe('forbidden:token');
    expect(await audit('paper.assign')).toEqual([]);
    const bad = await domainFailure(
      run(assignPaperUseCase, asActor(k.reviewer), { candidateId: k.id.C, userId: k.curator.id }),
    );
    expect(bad.code).toBe('not_found:paper');
    const nobody = await domainFailure(
      run(assignPaperUseCase, asActor(k.reviewer), { candidateId: k.id.A, userId: 999999 }),
    );
    expect(nobody.fields).toHaveProperty('userId');

    // The form sends strings.
    await run(assignPaperUseCase, asActor(k.reviewer), { candidateId: String(k.id.A), userId: String(k.curator.id) });
    expect((await listIncludedPapers(k.t.db, { assignedTo: k.curator.id })).map((p) => p.candidateId)).toEqual([
      k.id.A,
    ]);
    const [a] = await audit('paper.assign');
    expect(a).toMatchObject({ actor_id: k.reviewer.id, entity_id: String(k.id.A) });
    expect(a!.detail).toMatchObject({ assignedTo: k.curator.id, before: { assignedTo: null } });
  });

  it('a curator claims a paper nobody has, once', async () => {
    await run(claimPaperUseCase, asActor(k.reviewer2), { candidateId: k.id.B });
    const taken = await domainFailure(run(claimPaperUseCase, asActor(k.curator), { candidateId: k.id.B }));
    expect(taken.code).toBe('conflict:paper');
    expect((await domainFailure(run(claimPaperUseCase, asActor(k.curator), { candidateId: k.id.A }))).code).toBe(
      'conflict:paper',
    );
    expect(await audit('paper.claim')).toEqual([
      expect.objectContaining({ actor_id: k.reviewer2.id, entity_id: String(k.id.B) }),
    ]);
  });

  it('the assignee, or a reviewer or admin, sets the status; another curator cannot', async () => {
    await run(setCurationStatusUseCase, asActor(k.curator), { candidateId: k.id.A, status: 'in_progress' });
    expect((await listIncludedPapers(k.t.db))[0]!.status).toBe('in_progress');
    await run(assignPaperUseCase, asActor(k.admin), { candidateId: k.id.A, userId: k.reviewer2.id });
    const notMine = await domainFailure(
      run(setCurationStatusUseCase, asActor(k.curator), { candidateId: k.id.A, status: 'done' }),
    );
    expect(notMine.code).toBe('forbidden:paper');
    const badStatus = await domainFailure(
      run(setCurationStatusUseCase, asActor(k.admin), { candidateId: k.id.A, status: 'finished' }),
    );
    expect(badStatus.fields).toHaveProperty('status');
    await run(setCurationStatusUseCase, asActor(k.reviewer), { candidateId: k.id.A, status: 'no_findings' });
    expect((await listIncludedPapers(k.t.db))[0]!.status).toBe('no_findings');
    expect((await audit('paper.status')).map((e) => [e.actor_id, e.detail.status])).toEqual([
      [k.curator.id, 'in_progress'],
      [k.reviewer.id, 'no_findings'],
    ]);
  });
});
