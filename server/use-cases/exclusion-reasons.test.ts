/**
 * The screening operations through the seam (execute), on both engines: exclusion reasons for admins only,
 * screening and undoing a merge for curators with a session or a read-write token, the screening mode taken
 * from the settings, and what a screener's own answer may tell them in dual mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { addCandidates } from '@/db/queries/intake';
import { updateSettings } from '@/db/queries/settings';
import { type DemoActors, domainFailure, openSeededDb, type TestDb, testEngines } from '@/db/test-utils';
import { enc, risEntry } from '@/lib/intake/intake-test-kit';
import { parseIntakeFile } from '@/lib/intake/parse';
import type { IntakeParseResult } from '@/lib/intake/types';
import { blindScreeningResult } from '../adapters/screening-action';
import type { Actor } from '../session';
import { execute, type UseCase } from '../use-case';
import {
  addExclusionReasonUseCase,
  renameExclusionReasonUseCase,
  setExclusionReasonActiveUseCase,
} from './exclusion-reasons';
import { decideScreeningUseCase, undoMergeUseCase } from './literature';

const asActor = (a: { id: number; role: Actor['role'] }, over: Partial<Actor> = {}): Actor => ({
  email: `${a.id}@example.org`,
  name: `User ${a.id}`,
  ...a,
  via: 'session',
  scope: 'write',
  ...over,
});

describe.each(testEngines())('screening use cases on %s', (engine) => {
  let t: TestDb;
  let p: DemoActors;
  let ids: number[];
  beforeAll(async () => {
    ({ t, ...p } = await openSeededDb(engine));
    const ris = [
      { title: 'Vesicles from contracting muscle', doi: '10.5555/uc.1', year: 2024 },
      { title: 'Vesicles from contracting muscle', doi: '10.5555/UC.1', year: 2024 },
    ];
    const parsed = parseIntakeFile(enc(ris.map(risEntry).join('\n')), 'uc.ris') as IntakeParseResult;
    ({ ids } = await t.db.transaction((tx) =>
      addCandidates(
        tx,
        p.curator.id,
        parsed.records.map((r) => r.record),
        { origin: 'file', batchId: null as never },
      ),
    ));
  });
  afterAll(() => t.dispose());

  const run = <S extends z.ZodType, O>(uc: UseCase<S, O>, actor: Actor | null, raw: unknown) =>
    execute(uc, actor, raw, t.db);

  it('exclusion reasons: signed out → unauthorized, a read-only token or a non-admin → forbidden', async () => {
    const input = { label: 'Animal study without EVs' };
    const cases = [addExclusionReasonUseCase, renameExclusionReasonUseCase, setExclusionReasonActiveUseCase];
    for (const uc of cases as unknown as UseCase<z.ZodType, unknown>[]) {
      expect(uc).toMatchObject({ role: 'admin', writes: true });
      expect((await domainFailure(run(uc, null, input))).kind).toBe('unauthorized');
      const readOnly = asActor(p.admin, { via: 'token', scope: 'read' });
      expect((await domainFailure(run(uc, readOnly, input))).code).toBe('forbidden:token');
      expect((await domainFailure(run(uc, asActor(p.reviewer), input))).code).toBe('forbidden:role');
      expect((await domainFailure(run(uc, asActor(p.curator), input))).code).toBe('forbidden:role');
    }
    const n = await t.query<{ n: number }>(`select count(*)::int as n from exclusion_reasons`);
    expect(n[0]!.n).toBe(6);
  });

  it('an admin adds, renames and retires a reason; the form sends strings; bad input is named per field', async () => {
    const admin = asActor(p.admin);
    const { output: added } = await run(addExclusionReasonUseCase, admin, { label: '  Animal study without EVs ' });
    expect(added.label).toBe('Animal study without EVs');
    const bad = await domainFailure(run(renameExclusionReasonUseCase, admin, { id: 'x', label: 'a' }));
    expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(['id', 'label']));
    const { output: renamed } = await run(renameExclusionReasonUseCase, admin, {
      id: String(added.id),
      label: 'Animal study, no EVs',
    });
    expect(renamed.label).toBe('Animal study, no EVs');
    const { output: retired } = await run(setExclusionReasonActiveUseCase, admin, { id: added.id, active: 'false' });
    expect(retired.active).toBe(false);
    expect(addExclusionReasonUseCase.revalidate?.({ label: 'x' }, added)).toContain('/literature/screen');
  });

  it('screening and undoing a merge: signed out → unauthorized, a read-only token → forbidden', async () => {
    const decision = { candidateId: ids[0], decision: 'include' };
    expect((await domainFailure(run(decideScreeningUseCase, null, decision))).kind).toBe('unauthorized');
    const readOnly = asActor(p.curator, { via: 'token', scope: 'read' });
    expect((await domainFailure(run(decideScreeningUseCase, readOnly, decision))).code).toBe('forbidden:token');
    expect((await domainFailure(run(undoMergeUseCase, null, { candidateId: ids[1] }))).kind).toBe('unauthorized');
    expect((await domainFailure(run(undoMergeUseCase, readOnly, { candidateId: ids[1] }))).code).toBe(
      'forbidden:token',
    );
    const rows = await t.query<{ n: number }>(`select count(*)::int as n from screening_decisions`);
    expect(rows[0]!.n).toBe(0);
  });

  it('screens in the mode of the settings; a screener’s answer hides the outcome, a resolve’s gives it', async () => {
    await updateSettings(t.db, p.admin.id, { screeningMode: 'dual' });
    const first = await run(decideScreeningUseCase, asActor(p.reviewer), { candidateId: ids[0], decision: 'include' });
    expect(first.output.outcome).toBe('awaiting_second');
    const second = await run(decideScreeningUseCase, asActor(p.reviewer2), {
      candidateId: String(ids[0]),
      decision: 'exclude',
      reasonId: '1',
    });
    expect(second.output.outcome).toBe('conflict');
    expect(blindScreeningResult(second.output)).toEqual({ stage: 'screen', outcome: null });
    const resolved = await run(decideScreeningUseCase, asActor(p.curator), {
      candidateId: ids[0],
      decision: 'include',
    });
    expect(blindScreeningResult(resolved.output)).toEqual({ stage: 'resolve', outcome: 'included' });
    await run(undoMergeUseCase, asActor(p.curator), { candidateId: ids[1] });
    const [c] = await t.query<{ duplicate_of_id: number | null }>(
      `select duplicate_of_id from candidates where id = $1`,
      [ids[1]],
    );
    expect(c!.duplicate_of_id).toBeNull();
  });
});
