/**
 * The seam end to end below HTTP: each use case's role, input schema and read policy, on both
 * engines, exactly as the server actions and API routes call them (`execute`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createFinding } from '@/db/queries/curation';
import { type DemoActors, domainFailure, makeContent, openSeededDb, type TestDb, testEngines } from '@/db/test-utils';
import type { Actor } from '../session';
import { execute, type UseCase } from '../use-case';
import { addCommentUseCase, raiseFlagUseCase } from './discussion';
import { createFindingUseCase, saveDraftUseCase } from './findings';
import { resolveGroundingProposalUseCase } from './grounding';
import { decideUseCase, workflowTrailUseCase } from './review';

const asActor = (a: { id: number; role: Actor['role'] }, over: Partial<Actor> = {}): Actor => ({
  email: `${a.id}@example.org`,
  name: `User ${a.id}`,
  ...a,
  via: 'session',
  scope: 'write',
  ...over,
});

describe.each(testEngines())('use cases on %s', (engine) => {
  let t: TestDb;
  let people: DemoActors;
  let otherCurator: Actor;
  let privateDraft: { findingId: number; lockVersion: number };
  let approved: { id: number };

  beforeAll(async () => {
    const seeded = await openSeededDb(engine);
    t = seeded.t;
    people = seeded;
    const [other] = await t.query<{ id: number }>(
      `insert into users (email, name, role, password_hash) values ('other.seam@example.org', 'Other', 'curator', 'x') returning id`,
    );
    otherCurator = asActor({ id: other!.id, role: 'curator' });
    const [src] = await t.query<{ id: number }>(`select id from sources order by id limit 1`);
    privateDraft = await createFinding(t.db, people.curator, {
      sourceId: src!.id,
      content: makeContent({ recipientCell: 'Seam private draft cells' }),
    });
    [approved] = (await t.query<{ id: number }>(
      `select id from findings where approved_revision_id is not null order by id limit 1`,
    )) as [{ id: number }];
  });
  afterAll(() => t.dispose());

  const run = <S extends z.ZodType, O>(uc: UseCase<S, O>, actor: Actor | null, raw: unknown) =>
    execute(uc, actor, raw, t.db);

  it('refuses comments and flags on a finding the actor cannot see, as if it did not exist (defect 4)', async () => {
    for (const who of [otherCurator, asActor(people.reviewer), asActor(people.admin)]) {
      const c = await domainFailure(run(addCommentUseCase, who, { findingId: privateDraft.findingId, body: 'Hi' }));
      expect(c.code).toBe('not_found:finding');
      const f = await domainFailure(
        run(raiseFlagUseCase, who, { findingId: privateDraft.findingId, reason: 'typo', note: '' }),
      );
      expect(f.code).toBe('not_found:finding');
    }
    const n = await t.query<{ n: number }>(`select count(*)::int as n from comments where finding_id = $1`, [
      privateDraft.findingId,
    ]);
    expect(n[0]!.n).toBe(0);
    // Its author may discuss it; anyone may discuss an approved finding.
    await expect(
      run(addCommentUseCase, asActor(people.curator), { findingId: privateDraft.findingId, body: 'Note to self' }),
    ).resolves.toMatchObject({ output: { id: expect.any(Number) } });
    await expect(
      run(addCommentUseCase, otherCurator, { findingId: approved.id, body: 'Public question' }),
    ).resolves.toBeTruthy();
  });

  it('answers an invalid DOI on create as invalid with the DOI field message, not as not found (defect 10)', async () => {
    for (const doi of ['not-a-doi', '', '10.1000/a\u0000b']) {
      const e = await domainFailure(run(createFindingUseCase, asActor(people.curator), { doi, content: {} }));
      expect(e.kind, JSON.stringify(doi)).toBe('invalid');
      expect(e.fields?.doi, JSON.stringify(doi)).toMatch(/DOI/);
    }
    const missing = await domainFailure(
      run(createFindingUseCase, asActor(people.curator), { doi: '10.5555/never.recorded', content: {} }),
    );
    expect(missing.code).toBe('not_found:source');
    expect(missing.fields?.doi).toBeTruthy();
  });

  it('checks the caller before the input: signed out → unauthorized, low role → forbidden, read token → forbidden', async () => {
    expect((await domainFailure(run(saveDraftUseCase, null, {}))).kind).toBe('unauthorized');
    expect((await domainFailure(run(decideUseCase, asActor(people.curator), {}))).kind).toBe('forbidden');
    const readOnly = asActor(people.curator, { via: 'token', scope: 'read' });
    const e = await domainFailure(
      run(saveDraftUseCase, readOnly, { ...privateDraft, content: makeContent({ result: 'changed' }) }),
    );
    expect(e.code).toBe('forbidden:token');
    const write = asActor(people.curator, { via: 'token', scope: 'write' });
    await expect(
      run(saveDraftUseCase, write, {
        ...privateDraft,
        content: makeContent({ recipientCell: 'Seam private draft cells' }),
      }),
    ).resolves.toMatchObject({ output: { revisionNo: 1 } });
  });

  it('shows a private draft’s workflow trail to its author only, and never the policy’s inputs', async () => {
    const [row] = await t.query<{ public_id: string }>(`select public_id from findings where id = $1`, [
      privateDraft.findingId,
    ]);
    const publicId = row!.public_id;
    for (const who of [otherCurator, asActor(people.reviewer), asActor(people.admin)])
      expect((await domainFailure(run(workflowTrailUseCase, who, { publicId }))).code).toBe('not_found:finding');
    const mine = await run(workflowTrailUseCase, asActor(people.curator, { via: 'token', scope: 'read' }), {
      publicId,
    });
    expect(mine.output).toMatchObject({ publicId, status: 'draft', revisionNo: 1, approved: false });
    expect(mine.output).not.toHaveProperty('visibility');
  });

  it('lets curators decide grounding proposals, with a write token only, and names bad input per field', async () => {
    const resolve = resolveGroundingProposalUseCase;
    const [open] = await t.query<{ id: number }>(
      `select id from grounding_proposals where status = 'open' order by id limit 1`,
    );
    expect((await domainFailure(run(resolve, null, { proposalId: open!.id, curie: null }))).kind).toBe('unauthorized');
    const readOnly = asActor(people.curator, { via: 'token', scope: 'read' });
    expect((await domainFailure(run(resolve, readOnly, { proposalId: open!.id, curie: null }))).code).toBe(
      'forbidden:token',
    );
    const bad = await domainFailure(run(resolve, otherCurator, { proposalId: 'x', curie: 'not a curie' }));
    expect(bad.kind).toBe('invalid');
    expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(['proposalId', 'curie']));
    // No choice is not "none of these".
    expect((await domainFailure(run(resolve, otherCurator, { proposalId: open!.id }))).fields).toHaveProperty('curie');
    // The form's "none of these" sends "": the proposal is dismissed.
    await expect(run(resolve, otherCurator, { proposalId: String(open!.id), curie: '' })).resolves.toMatchObject({
      output: { status: 'dismissed' },
    });
    expect((await domainFailure(run(resolve, otherCurator, { proposalId: open!.id, curie: null }))).code).toBe(
      'conflict:grounding_proposal',
    );
  });

  it('reports schema failures per field through the one error type', async () => {
    const e = await domainFailure(
      run(decideUseCase, asActor(people.reviewer), { findingId: 'x', decision: 'maybe', lockVersion: -1 }),
    );
    expect(e.kind).toBe('invalid');
    expect(Object.keys(e.fields ?? {})).toEqual(expect.arrayContaining(['findingId', 'decision', 'lockVersion']));
  });
});
