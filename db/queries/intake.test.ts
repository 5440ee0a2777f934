/** Intake and screening on both engines: an upload de-duplicated against itself and the sources, dual blind screening. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoActors, domainFailure, openSeededDb, type TestDb, testEngines } from '@/db/test-utils';
import { enc, risEntry } from '@/lib/intake/intake-test-kit';
import { parseIntakeFile } from '@/lib/intake/parse';
import type { IntakeParseResult } from '@/lib/intake/types';
import { addCandidates, undoMerge } from './intake';
import { decideScreening } from './screening';

const PAPERS = [
  { title: 'Myokine vesicles reach bone', doi: '10.5555/intake.1', year: 2024, authors: ['Ng, A.'] },
  { title: 'Muscle exosomes and the liver', doi: '10.5555/intake.2', year: 2023, authors: ['Ode, B.'] },
  // the same DOI again, written differently
  {
    title: 'Muscle exosomes and the liver.',
    doi: 'https://doi.org/10.5555/INTAKE.2',
    year: 2023,
    authors: ['Ode, B.'],
  },
  // a preprint of paper 1
  { title: 'Myokine vesicles reach bone', doi: '10.1101/2023.05.01.123456', year: 2023, authors: ['Ng, A.'] },
  // the seed's first source (an existing source counts as seen)
  { title: 'Exercise and vesicles', doi: '10.1007/s00125-014-3337-2', year: 2014, authors: ['Aswad, H.'] },
];

describe.each(testEngines())('intake and screening on %s', (engine) => {
  let t: TestDb;
  let people: DemoActors;
  let ids: number[];
  beforeAll(async () => {
    ({ t, ...people } = await openSeededDb(engine));
    const parsed = parseIntakeFile(enc(PAPERS.map(risEntry).join('\n')), 'refs.ris') as IntakeParseResult;
    const counts = await t.db.transaction((tx) =>
      addCandidates(
        tx,
        people.curator.id,
        parsed.records.map((r) => r.record),
        { origin: 'file', batchId: null as never },
      ),
    );
    ids = counts.ids;
    expect(counts).toMatchObject({ records: 5, added: 2, duplicates: 1, versions: 1, known: 1 });
  });
  afterAll(() => t.dispose());

  it('points each duplicate at what it duplicates, the preprint at the published paper, the known DOI at its source', async () => {
    const rows = await t.query<{
      id: number;
      duplicate_of_id: number | null;
      duplicate_source_id: number | null;
      duplicate_by: string | null;
    }>(`select id, duplicate_of_id, duplicate_source_id, duplicate_by from candidates order by id`);
    expect(rows.map((r) => [r.duplicate_of_id, r.duplicate_by])).toEqual([
      [null, null],
      [null, null],
      [ids[1], 'doi'],
      [ids[0], 'preprint'],
      [null, 'doi'],
    ]);
    expect(rows[4]!.duplicate_source_id).not.toBeNull();
  });

  it('dual mode: blind screens, a conflict resolved by a third person, the included paper becomes a source to curate', async () => {
    const [a, b] = ids;
    await decideScreening(t.db, people.reviewer.id, 'dual', { candidateId: a!, decision: 'include' });
    expect(
      await decideScreening(t.db, people.reviewer2.id, 'dual', { candidateId: a!, decision: 'exclude', reasonId: 1 }),
    ).toMatchObject({ outcome: 'conflict' });
    const again = await domainFailure(
      decideScreening(t.db, people.reviewer.id, 'dual', { candidateId: a!, decision: 'exclude', reasonId: 1 }),
    );
    expect(again.code).toBe('conflict:screening');
    const done = await decideScreening(t.db, people.admin.id, 'dual', { candidateId: a!, decision: 'include' });
    expect(done).toMatchObject({ outcome: 'included', stage: 'resolve' });
    const [src] = await t.query<{ doi: string }>(`select doi from sources where id = $1`, [done.sourceId]);
    expect(src!.doi).toBe('10.5555/intake.1');
    const noReason = await domainFailure(
      decideScreening(t.db, people.reviewer.id, 'dual', { candidateId: b!, decision: 'exclude' }),
    );
    expect(noReason.details?.fields).toHaveProperty('reasonId');
    const dup = await domainFailure(
      decideScreening(t.db, people.reviewer.id, 'dual', { candidateId: ids[2]!, decision: 'include' }),
    );
    expect(dup.code).toBe('conflict:candidate');
  });

  it('undoes a merge once, audited', async () => {
    await undoMerge(t.db, people.curator.id, ids[2]!);
    expect((await domainFailure(undoMerge(t.db, people.curator.id, ids[2]!))).code).toBe('conflict:candidate');
    const [c] = await t.query<{ kept_apart: boolean }>(`select kept_apart from candidates where id = $1`, [ids[2]]);
    expect(c!.kept_apart).toBe(true);
  });
});
