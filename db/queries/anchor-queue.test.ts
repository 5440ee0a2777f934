/** The page of quotes to re-anchor: its query (both engines) and what the page makes of it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_CHARS, passage, toAnchorViews } from '../../components/evidence/anchor-view';
import { testEngines } from '../test-utils';
import { listAnchorQueue } from './anchor-queue';
import { decideAnchoring } from './reanchor';
import { addSnapshot } from './snapshots';
import { EDITED, EDITED_V2, MOVED, openSnapshotKit, REMOVED, type SnapshotKit, V1, V2 } from './snapshots-test-kit';

describe('passage', () => {
  it('shows the passage with context either side, marks cuts, and never splits a surrogate pair', () => {
    const text = `${'a'.repeat(100)}QUOTE${'b'.repeat(100)}`;
    const p = passage(text, 100, 105);
    expect(p).toEqual({
      before: `…${'a'.repeat(CONTEXT_CHARS)}`,
      match: 'QUOTE',
      after: `${'b'.repeat(CONTEXT_CHARS)}…`,
    });
    expect(passage('x\n\n  QUOTE\ty', 5, 10)).toEqual({ before: 'x ', match: 'QUOTE', after: ' y' });
    const emoji = `${'😀'.repeat(40)}QUOTE`;
    const e = passage(emoji, 80, 85);
    expect(e.before).toBe(`…${'😀'.repeat(30)}`);
    expect(e.match).toBe('QUOTE');
  });
});

describe.each(testEngines())('the re-anchor queue on %s', (engine) => {
  let k: SnapshotKit;
  let doi: string;

  beforeAll(async () => {
    k = await openSnapshotKit(engine);
    const source = await k.givenSource();
    doi = source.doi;
    await addSnapshot(k.t.db, k.curator.id, { sourceId: source.sourceId, origin: 'paste', extracted: V1 });
    for (const sentence of [MOVED, EDITED, REMOVED]) await k.givenQuoted(source.sourceId, V1.text, sentence);
    await addSnapshot(k.t.db, null, { sourceId: source.sourceId, origin: 'europepmc', extracted: V2 });
  });
  afterAll(() => k.t.dispose());

  it('lists the proposal with its passage in the newest text, and the orphan with that text named', async () => {
    const queue = await listAnchorQueue(k.t.db, k.curator.id);
    const views = toAnchorViews(queue).filter((v) => v.doi === doi);
    expect(views.map((v) => v.status).sort()).toEqual(['orphan', 'proposed']);
    const proposed = views.find((v) => v.status === 'proposed')!;
    expect(proposed.quote).toBe(EDITED);
    expect(proposed.proposal).toMatchObject({ match: EDITED_V2 });
    expect(proposed.proposal!.similarity).toMatch(/^(8\d|9\d)%$/);
    expect(proposed.proposal!.before).toBe(`…${`${MOVED} `.slice(-CONTEXT_CHARS)}`);
    expect(proposed.findingHref).toBe(`/findings/${proposed.publicId}`);
    expect(proposed.sourceHref).toBe(`/sources/10.5555/${encodeURIComponent(doi.split('/')[1]!)}`);
    const orphan = views.find((v) => v.status === 'orphan')!;
    expect(orphan).toMatchObject({ quote: REMOVED, proposal: null });
    expect(orphan.snapshotLabel).toMatch(/^Europe PMC full text of \d{4}-\d\d-\d\d \(SHA-256 [0-9a-f]{12}…\)$/);
    // Only the proposal's snapshot text is read.
    const snap = queue.snapshots.get(queue.items.find((i) => i.doi === doi)!.snapshotId)!;
    expect(snap.text).toBe(V2.text);
  });

  it('drops a decided proposal, and reads no text when only orphans are left', async () => {
    const before = await listAnchorQueue(k.t.db, k.curator.id);
    const p = before.items.find((i) => i.doi === doi && i.status === 'proposed')!;
    await decideAnchoring(k.t.db, k.curator.id, p.id, 'rejected');
    const after = await listAnchorQueue(k.t.db, k.curator.id);
    expect(
      toAnchorViews(after)
        .filter((v) => v.doi === doi)
        .map((v) => v.status),
    ).toEqual(['orphan']);
    expect(after.snapshots.get(p.snapshotId)).toMatchObject({ id: p.snapshotId, origin: 'europepmc', text: null });
  });
});
