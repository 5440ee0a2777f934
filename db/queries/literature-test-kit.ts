/**
 * A small, fully known literature set for the dashboard and assignment tests. From the file "refs.ris"
 * (9 records) and one suggestion:
 *   A include · B include (its source given an approved finding) · C, E exclude (reason 1) · D exclude
 *   (reason 2) · F dual conflict (include / exclude reason 1) resolved exclude with reason 2 · G the DOI
 *   of A written differently (duplicate) · H the preprint of B (a version) · J never screened ·
 *   I (suggestion) dual, both exclude with reason 1.
 */
import { intakeBatches } from '../schema';
import { type DemoActors, openSeededDb, type TestDb } from '../test-utils';
import type { Engine } from '../client';
import { enc, risEntry } from '../../lib/intake/intake-test-kit';
import { parseIntakeFile } from '../../lib/intake/parse';
import { parseIdToken } from '../../lib/intake/ids';
import type { IntakeParseResult } from '../../lib/intake/types';
import { addCandidates } from './intake';
import { decideScreening } from './screening';

const paper = (key: string, title: string, doi: string, year = 2024) => ({
  key,
  title,
  doi,
  year,
  authors: [`Author${key}, Q.`],
});

const FILE = [
  paper('A', 'Myokine vesicles reach bone', '10.5555/kit.a'),
  paper('B', 'Muscle exosomes and the liver', '10.5555/kit.b', 2023),
  paper('C', 'Adipose vesicle cargo in obesity', '10.5555/kit.c'),
  paper('D', 'A review of vesicle biology', '10.5555/kit.d'),
  paper('E', 'Plant vesicles in roots', '10.5555/kit.e'),
  paper('F', 'Exercise vesicles and the heart', '10.5555/kit.f'),
  { ...paper('G', 'Myokine vesicles reach bone.', 'https://doi.org/10.5555/KIT.A'), authors: ['AuthorA, Q.'] },
  { ...paper('H', 'Muscle exosomes and the liver', '10.1101/2023.01.01.000001', 2023), authors: ['AuthorB, Q.'] },
  paper('J', 'Satellite cell vesicles', '10.5555/kit.j'),
];

export type LiteratureKit = DemoActors & {
  t: TestDb;
  batchId: number;
  /** Candidate ids by the letters above. */
  id: Record<string, number>;
  reasons: { first: string; second: string };
};

export async function openLiteratureKit(engine: Engine): Promise<LiteratureKit> {
  const { t, ...people } = await openSeededDb(engine);
  const parsed = parseIntakeFile(enc(FILE.map(risEntry).join('\n')), 'refs.ris') as IntakeParseResult;
  const [batch] = await t.db
    .insert(intakeBatches)
    .values({ format: 'ris', filename: 'refs.ris', bytes: 1, createdBy: people.curator.id })
    .returning({ id: intakeBatches.id });
  const file = await t.db.transaction((tx) =>
    addCandidates(
      tx,
      people.curator.id,
      parsed.records.map((r) => r.record),
      { origin: 'file', batchId: batch!.id },
    ),
  );
  const suggested = await t.db.transaction((tx) =>
    addCandidates(tx, people.curator.id, [parseIdToken('10.5555/kit.i')!], {
      origin: 'suggestion',
      suggestedBy: people.curator.id,
      reason: 'Looks relevant',
    }),
  );
  const id: Record<string, number> = Object.fromEntries(FILE.map((f, i) => [f.key, file.ids[i]!]));
  id.I = suggested.ids[0]!;
  const reasons = await t.query<{ id: number; label: string }>(`select id, label from exclusion_reasons order by id`);
  const [r1, r2] = reasons;
  const { reviewer, reviewer2, admin } = people;
  const one = (who: number, key: string, decision: 'include' | 'exclude', reasonId?: number) =>
    decideScreening(t.db, who, 'single', { candidateId: id[key]!, decision, reasonId });
  const two = (who: number, key: string, decision: 'include' | 'exclude', reasonId?: number) =>
    decideScreening(t.db, who, 'dual', { candidateId: id[key]!, decision, reasonId });
  await one(reviewer.id, 'A', 'include');
  const b = await one(reviewer.id, 'B', 'include');
  await one(reviewer.id, 'C', 'exclude', r1!.id);
  await one(reviewer.id, 'D', 'exclude', r2!.id);
  await one(reviewer2.id, 'E', 'exclude', r1!.id);
  await two(reviewer.id, 'F', 'include');
  await two(reviewer2.id, 'F', 'exclude', r1!.id);
  await two(admin.id, 'F', 'exclude', r2!.id);
  await two(reviewer.id, 'I', 'exclude', r1!.id);
  await two(reviewer2.id, 'I', 'exclude', r1!.id);
  // B's source gets an approved finding: point the candidate at a seeded source that has one.
  await t.query(
    `update candidates set source_id = (select source_id from findings where status = 'approved' order by id limit 1)
     where id = $1`,
    [id.B],
  );
  if (!b.sourceId) throw new Error('B should have become a source');
  return { t, ...people, batchId: batch!.id, id, reasons: { first: r1!.label, second: r2!.label } };
}
