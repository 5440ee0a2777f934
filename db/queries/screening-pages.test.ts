/**
 * The screening pages' queries on both engines: what is left for a screener, the decisions a third screener
 * sees (and nobody else), merged records newest first, and the exclusion reasons admins manage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoActors, domainFailure, openSeededDb, type TestDb, testEngines } from '@/db/test-utils';
import { enc, risEntry } from '@/lib/intake/intake-test-kit';
import { parseIntakeFile } from '@/lib/intake/parse';
import type { IntakeParseResult } from '@/lib/intake/types';
import { listMergedRecords } from './duplicates-list';
import {
  addExclusionReason,
  exclusionReasonUse,
  listExclusionReasons,
  renameExclusionReason,
  setExclusionReasonActive,
} from './exclusion-reasons';
import { addCandidates } from './intake';
import { decideScreening } from './screening';
import { conflictDecisions, screeningLeft } from './screening-view';

const PAPERS = [
  { title: 'Satellite cell vesicles in regeneration', doi: '10.5555/pages.1', year: 2024, authors: ['Ng, A.'] },
  { title: 'Myotube exosomes and adipocytes', doi: '10.5555/pages.2', year: 2023, authors: ['Ode, B.'] },
  { title: 'Exercise vesicles and the brain', doi: '10.5555/pages.3', year: 2022, authors: ['Li, C.'] },
  { title: 'Myotube exosomes and adipocytes', doi: '10.5555/PAGES.2', year: 2023, authors: ['Ode, B.'] },
  { title: 'Exercise and vesicles', doi: '10.1007/s00125-014-3337-2', year: 2014, authors: ['Aswad, H.'] },
];

describe.each(testEngines())('screening pages on %s', (engine) => {
  let t: TestDb;
  let p: DemoActors;
  let ids: number[];
  beforeAll(async () => {
    ({ t, ...p } = await openSeededDb(engine));
    const parsed = parseIntakeFile(enc(PAPERS.map(risEntry).join('\n')), 'pages.ris') as IntakeParseResult;
    const records = parsed.records.map((r) => r.record);
    ({ ids } = await t.db.transaction((tx) =>
      addCandidates(tx, p.curator.id, records, { origin: 'file', batchId: null as never }),
    ));
  });
  afterAll(() => t.dispose());

  it('counts what is left per screener, and the third screener alone sees the two decisions of a conflict', async () => {
    expect(await screeningLeft(t.db, p.reviewer.id)).toBe(3);
    const [a] = ids;
    await decideScreening(t.db, p.reviewer.id, 'dual', { candidateId: a!, decision: 'include', note: 'relevant' });
    // Awaiting the second screener: still in reviewer2's queue, gone from reviewer's; nobody sees the decision.
    expect(await screeningLeft(t.db, p.reviewer.id)).toBe(2);
    expect(await screeningLeft(t.db, p.reviewer2.id)).toBe(3);
    expect(await conflictDecisions(t.db, p.reviewer2.id, [a!])).toEqual([]);
    expect(await conflictDecisions(t.db, p.admin.id, [a!])).toEqual([]);
    await decideScreening(t.db, p.reviewer2.id, 'dual', { candidateId: a!, decision: 'exclude', reasonId: 2 });
    expect(await screeningLeft(t.db, p.reviewer2.id)).toBe(2);
    // A screener of the record never sees the other's decision, even in conflict.
    expect(await conflictDecisions(t.db, p.reviewer.id, [a!])).toEqual([]);
    const seen = await conflictDecisions(t.db, p.admin.id, [a!, ids[1]!]);
    expect(seen.map((d) => [d.decision, d.reason, d.note, d.stage])).toEqual([
      ['include', null, 'relevant', 'screen'],
      ['exclude', 'No skeletal muscle involvement', '', 'screen'],
    ]);
    await decideScreening(t.db, p.admin.id, 'dual', { candidateId: a!, decision: 'exclude' });
    expect(await conflictDecisions(t.db, p.curator.id, [a!])).toEqual([]);
    expect(await screeningLeft(t.db, p.admin.id)).toBe(2);
  });

  it('lists merged records newest first, each with what it duplicates, a page at a time', async () => {
    const first = await listMergedRecords(t.db, { limit: 1 });
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]).toMatchObject({
      id: ids[4],
      by: 'doi',
      of: { kind: 'source', doi: '10.1007/s00125-014-3337-2' },
    });
    expect(first.next).toBe(ids[4]);
    const second = await listMergedRecords(t.db, { after: first.next!, limit: 1 });
    expect(second.rows[0]).toMatchObject({ id: ids[3], by: 'doi', of: { kind: 'candidate', id: ids[1] } });
    expect(second.next).toBeNull();
    expect((await listMergedRecords(t.db)).rows.map((r) => r.id)).toEqual([ids[4], ids[3]]);
  });

  it('adds, renames, retires and reactivates reasons, never two with one label, each change audited', async () => {
    const added = await addExclusionReason(t.db, p.admin.id, 'Conference abstract only');
    const all = await listExclusionReasons(t.db);
    expect(all.at(-1)).toMatchObject({ id: added.id, active: true });
    expect(added.sortOrder).toBeGreaterThan(90);
    const dup = await domainFailure(addExclusionReason(t.db, p.admin.id, 'conference ABSTRACT only'));
    expect(dup.code).toBe('conflict:exclusion_reason');
    expect(dup.fields).toHaveProperty('label');
    expect(
      (await domainFailure(renameExclusionReason(t.db, p.admin.id, added.id, 'Not about extracellular vesicles'))).code,
    ).toBe('conflict:exclusion_reason');
    expect(await renameExclusionReason(t.db, p.admin.id, added.id, 'Abstract only')).toMatchObject({
      label: 'Abstract only',
    });
    await setExclusionReasonActive(t.db, p.admin.id, added.id, false);
    expect((await listExclusionReasons(t.db, { activeOnly: true })).map((r) => r.id)).not.toContain(added.id);
    // A retired reason cannot be chosen.
    const refused = await domainFailure(
      decideScreening(t.db, p.reviewer.id, 'dual', { candidateId: ids[2]!, decision: 'exclude', reasonId: added.id }),
    );
    expect(refused.details?.fields).toHaveProperty('reasonId');
    await setExclusionReasonActive(t.db, p.admin.id, added.id, true);
    expect((await listExclusionReasons(t.db, { activeOnly: true })).map((r) => r.id)).toContain(added.id);
    expect((await domainFailure(setExclusionReasonActive(t.db, p.admin.id, 99999, false))).code).toBe(
      'not_found:exclusion_reason',
    );
    const audit = await t.query<{ action: string }>(
      `select action from audit_events where entity = 'exclusion_reason' and entity_id = $1 order by id`,
      [String(added.id)],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'exclusion_reason.add',
      'exclusion_reason.rename',
      'exclusion_reason.retire',
      'exclusion_reason.reactivate',
    ]);
    expect((await exclusionReasonUse(t.db)).get(2)).toBe(1);
  });
});
