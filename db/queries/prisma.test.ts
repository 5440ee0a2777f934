/** The literature PRISMA flow, agreement and queue sizes on both engines, over a small known set (literature-test-kit). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaCsv } from '@/lib/prisma/csv';
import { testEngines } from '@/db/test-utils';
import { type LiteratureKit, openLiteratureKit } from './literature-test-kit';
import { queueCounts, screeningAgreement, screeningPairs } from './literature-stats';
import { literaturePrismaCounts, prismaGroups } from './prisma';

describe.each(testEngines())('literature dashboard figures on %s', (engine) => {
  let k: LiteratureKit;
  beforeAll(async () => {
    k = await openLiteratureKit(engine);
  });
  afterAll(() => k.t.dispose());

  it('counts the flow: identified per origin, duplicates, screened, excluded by settling reason, included, curated', async () => {
    const c = await literaturePrismaCounts(k.t.db);
    expect(c).toEqual({
      identified: { 'File: refs.ris': 9, Suggestions: 1 },
      duplicatesRemoved: 2,
      screened: 7,
      excluded: 5,
      // F: the resolver's reason (the second), not the screener's; I: both screeners gave the first.
      excludedByReason: { [k.reasons.first]: 3, [k.reasons.second]: 2 },
      included: 2,
      curated: 1,
      awaitingDecision: 0,
      notYetScreened: 1,
    });
    expect(Object.keys(c.identified)).toEqual(['File: refs.ris', 'Suggestions']);
    expect(prismaCsv(c)).toContain(`included,Studies included,2\r\n`);
  });

  it('groups identical rows in SQL, and scopes to one upload', async () => {
    const groups = await prismaGroups(k.t.db);
    expect(groups.reduce((n, g) => n + g.n, 0)).toBe(10);
    expect(groups.length).toBeLessThan(10);
    const one = await literaturePrismaCounts(k.t.db, { batchId: k.batchId });
    expect(one).toMatchObject({ identified: { 'File: refs.ris': 9 }, screened: 6, excluded: 4, notYetScreened: 1 });
    expect(await literaturePrismaCounts(k.t.db, { batchId: k.batchId + 999 })).toMatchObject({
      identified: {},
      screened: 0,
    });
  });

  it('a curation status of done or findings submitted counts as curated', async () => {
    await k.t.query(`update candidates set curation_status = 'done' where id = $1`, [k.id.A]);
    expect((await literaturePrismaCounts(k.t.db)).curated).toBe(2);
    await k.t.query(`update candidates set curation_status = 'to_curate' where id = $1`, [k.id.A]);
    expect((await literaturePrismaCounts(k.t.db)).curated).toBe(1);
  });

  it('agreement: pairs of the two screeners of a record, in screening order, resolutions left out', async () => {
    expect(await screeningPairs(k.t.db)).toEqual([
      ['include', 'exclude'],
      ['exclude', 'exclude'],
    ]);
    // observed 1/2; expected: first screener include ½ exclude ½, second exclude 1 → ½; κ = 0.
    expect(await screeningAgreement(k.t.db)).toEqual({ kappa: 0, observed: 0.5, expected: 0.5, n: 2 });
  });

  it('queue sizes for a viewer: records left to screen, conflicts, merged records', async () => {
    expect(await queueCounts(k.t.db, k.reviewer.id)).toEqual({ toScreen: 1, conflicts: 0, merged: 2 });
    await k.t.query(`update candidates set outcome = 'conflict' where id = $1`, [k.id.J]);
    expect(await queueCounts(k.t.db, k.curator.id)).toEqual({ toScreen: 0, conflicts: 1, merged: 2 });
    await k.t.query(`update candidates set outcome = 'unscreened' where id = $1`, [k.id.J]);
  });
});
