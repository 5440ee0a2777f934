import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgan, SKELETAL_MUSCLE } from '../../lib/vocab/organs';
import { BONE, MOUSE, openSeededDb, type TestDb, testEngines } from '../test-utils';
import { createFinding, submitFinding, type Actor } from './curation';
import { crosstalkEdges } from './map';
import { decide } from './review';

const LIVER = 'UBERON:0002107';

/**
 * What the seed must give, worked out from the CSV itself by the seed's rule:
 * one finding per row, from skeletal muscle; a skeletal-muscle target is the
 * within_muscle loop, every other target a muscle_to_organ edge.
 */
function expectedSeedEdges() {
  const rows = parse(readFileSync(path.join(process.cwd(), 'db/seed-data/review-table1.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as { target_organ: string }[];
  const perOrgan = new Map<string, number>();
  for (const r of rows) {
    const organ = findOrgan(r.target_organ);
    if (!organ) throw new Error(`unknown organ in the CSV: ${r.target_organ}`);
    perOrgan.set(organ.id, (perOrgan.get(organ.id) ?? 0) + 1);
  }
  const edges = [...perOrgan].map(([to, count]) => ({
    from: SKELETAL_MUSCLE,
    to,
    direction: to === SKELETAL_MUSCLE ? 'within_muscle' : 'muscle_to_organ',
    count,
  }));
  return { rows: rows.length, edges };
}

const byKey = <T extends { from: string; to: string; direction: string }>(list: T[]) =>
  [...list].sort((a, b) => `${a.from}|${a.to}|${a.direction}`.localeCompare(`${b.from}|${b.to}|${b.direction}`));

describe.each(testEngines())('crosstalk map query on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let reviewer: Actor;
  let sourceId: number;
  const expected = expectedSeedEdges();

  beforeAll(async () => {
    ({ t, curator, reviewer } = await openSeededDb(engine));
    const [s] = await t.query<{ id: number }>(
      `insert into sources (doi, title, metadata_origin) values ('10.5555/map.test', 'A map test paper', 'manual') returning id`,
    );
    sourceId = s!.id;
  });
  afterAll(() => t.dispose());

  it('counts the seeded findings per edge, as the CSV and the seed rule say', async () => {
    const data = await crosstalkEdges(t.db);
    // The aliases resolve: 'Cardiovascular system' and 'Macrophages' are vocabulary organs, so no row is lost.
    expect(expected.edges.reduce((s, e) => s + e.count, 0)).toBe(expected.rows);
    expect(byKey(data.edges)).toEqual(byKey(expected.edges));
    expect(data.total).toBe(expected.rows);
    const bone = data.edges.find((e) => e.to === BONE)!;
    expect(bone).toEqual({
      from: SKELETAL_MUSCLE,
      to: BONE,
      direction: 'muscle_to_organ',
      count: expected.edges.find((e) => e.to === BONE)!.count,
    });
    const muscle = data.organs.find((o) => o.id === SKELETAL_MUSCLE)!;
    expect(muscle).toEqual({
      id: SKELETAL_MUSCLE,
      asOrigin: expected.rows,
      asTarget: expected.edges.find((e) => e.to === SKELETAL_MUSCLE)?.count ?? 0,
      total: expected.rows,
    });
    expect(data.organs).toHaveLength(
      expected.edges.length + (expected.edges.some((e) => e.to === SKELETAL_MUSCLE) ? 0 : 1),
    );
  });

  it('counts only approved findings, and draws organ → muscle from the donor organ', async () => {
    const makeLiverContent = (over: Record<string, unknown>) => ({
      targetOrgan: SKELETAL_MUSCLE,
      origin: LIVER,
      direction: 'organ_to_muscle',
      species: MOUSE,
      evSource: 'Hepatocytes',
      cargo: [],
      recipientCell: 'C2C12 myotubes',
      result: 'Liver EVs promote myotube growth.',
      ...over,
    });
    const approved = await createFinding(t.db, curator, { sourceId, content: makeLiverContent({}) });
    const submitted = await submitFinding(t.db, curator, { findingId: approved.findingId, lockVersion: 0 });
    await decide(t.db, reviewer, {
      findingId: approved.findingId,
      revisionNo: 1,
      lockVersion: submitted.lockVersion,
      decision: 'approve',
      comment: '',
    });
    // Submitted but not approved, and a bare draft: neither is on the map.
    const pending = await createFinding(t.db, curator, {
      sourceId,
      content: makeLiverContent({ recipientCell: 'Satellite cells' }),
    });
    await submitFinding(t.db, curator, { findingId: pending.findingId, lockVersion: 0 });
    await createFinding(t.db, curator, { sourceId, content: makeLiverContent({ recipientCell: 'Fibroblasts' }) });

    const data = await crosstalkEdges(t.db);
    expect(data.edges.filter((e) => e.from === LIVER)).toEqual([
      { from: LIVER, to: SKELETAL_MUSCLE, direction: 'organ_to_muscle', count: 1 },
    ]);
    expect(data.total).toBe(expected.rows + 1);
    expect(data.organs.find((o) => o.id === LIVER)).toMatchObject({ asOrigin: 1 });
  });
});
