/**
 * Issue 12's integration acceptance: a newer snapshot of a source re-anchors its quotes — an unchanged sentence
 * moves silently, an edited one is only proposed, a vanished one is an orphan — nothing is deleted, and every step
 * is in the audit log. Curators then decide each proposal once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, domainFailure, testEngines } from '../test-utils';
import type { CreatedFinding } from './curation';
import { currentAnchoring, decideAnchoring, listOpenAnchorings } from './reanchor';
import { addSnapshot, getSnapshot } from './snapshots';
import {
  CLOSING,
  CLOSING_V3,
  EDITED,
  EDITED_V2,
  MOVED,
  openSnapshotKit,
  REMOVED,
  type SnapshotKit,
  anchorOf,
  spanIn,
  V1,
  V2,
  V3,
} from './snapshots-test-kit';

describe.each(testEngines())('re-anchoring on %s', (engine) => {
  let k: SnapshotKit;
  let sourceId: number;
  let s1: number;
  let s2: number;
  let f: Record<'moved' | 'edited' | 'removed' | 'closing' | 'typed' | 'draft', CreatedFinding>;
  const revisionsOf = () =>
    k.t.query<{ id: number; evidence_anchor: unknown; submitted: boolean }>(
      `select r.id, r.evidence_anchor, r.submitted_at is not null as submitted
         from finding_revisions r join findings f on f.id = r.finding_id where f.source_id = $1 order by r.id`,
      [sourceId],
    );
  const byRevision = async (snapshotId: number) =>
    new Map((await k.anchorings(snapshotId)).map((a) => [a.revision_id, a] as const));
  const openOfSource = async (viewerId = k.curator.id) =>
    (await listOpenAnchorings(k.t.db, viewerId)).filter((a) => a.doi === doi);
  let doi: string;

  beforeAll(async () => {
    k = await openSnapshotKit(engine);
    ({ sourceId, doi } = await k.givenSource());
    s1 = (await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'paste', extracted: V1 })).snapshot.id;
    f = {
      moved: await k.givenQuoted(sourceId, V1.text, MOVED, true),
      edited: await k.givenQuoted(sourceId, V1.text, EDITED, true),
      removed: await k.givenQuoted(sourceId, V1.text, REMOVED),
      closing: await k.givenQuoted(sourceId, V1.text, CLOSING),
      // Typed from a figure and marked so: it has no anchor, so there is nothing to re-anchor.
      typed: await k.givenDraft(sourceId, { evidenceQuote: 'Figure 3: uptake doubled.', evidenceUnverified: true }),
      // Another curator's unsubmitted draft, its quote selected in the text: private to its author.
      draft: await k.givenDraft(
        sourceId,
        { evidenceQuote: EDITED, evidenceAnchor: anchorOf(V1.text, EDITED) },
        k.otherCurator,
      ),
    };
    await k.submit(f.typed.findingId);
  });
  afterAll(() => k.t.dispose());

  it('moves the unchanged quote, proposes the edited one, orphans the vanished one; deletes nothing; audits each', async () => {
    const before = await revisionsOf();
    expect(before.filter((r) => r.evidence_anchor !== null)).toHaveLength(5);
    const r = await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'paste', extracted: V2 });
    s2 = r.snapshot.id;
    expect(r.reanchored).toEqual({ moved: 2, proposed: 2, ambiguous: 0, orphan: 1 });

    const rows = await byRevision(s2);
    expect(rows.size).toBe(5);
    expect(rows.has(f.typed.revisionId)).toBe(false);
    expect(rows.get(f.moved.revisionId)).toMatchObject({ status: 'moved', ...spanIn(V2.text, MOVED), score: 1 });
    expect(spanIn(V2.text, MOVED).start).toBeGreaterThan(spanIn(V1.text, MOVED).start);
    expect(rows.get(f.closing.revisionId)).toMatchObject({ status: 'moved', ...spanIn(V2.text, CLOSING) });
    const proposed = rows.get(f.edited.revisionId)!;
    expect(proposed).toMatchObject({ status: 'proposed', ...spanIn(V2.text, EDITED_V2), decision: null });
    expect(V2.text.slice(proposed.start!, proposed.end!)).toBe(EDITED_V2);
    expect(proposed.score).toBeGreaterThanOrEqual(0.8);
    expect(proposed.score).toBeLessThan(1);
    expect(rows.get(f.removed.revisionId)).toMatchObject({ status: 'orphan', start: null, end: null, score: null });

    // Nothing deleted or rewritten: the revisions keep their anchors in the first text, which is still stored.
    expect(await revisionsOf()).toEqual(before);
    expect((await getSnapshot(k.t.db, s1))?.text).toBe(V1.text);
    expect(await countOf(k.t, `select count(*) n from source_texts where source_id = $1`, [sourceId])).toBe(2);

    const snapAudit = (await k.auditOf('source.snapshot')).filter((a) => a.detail.snapshotId === s2);
    expect(snapAudit).toEqual([expect.objectContaining({ entity: 'source', entity_id: String(sourceId) })]);
    const reanchorAudit = (await k.auditOf('evidence.reanchor')).filter((a) => a.detail.snapshotId === s2);
    const audited = Object.fromEntries(reanchorAudit.map((a) => [a.entity_id, [a.detail.revisionId, a.detail.status]]));
    expect(reanchorAudit.every((a) => a.entity === 'finding' && a.actor_id === k.curator.id)).toBe(true);
    expect(audited).toEqual({
      [f.moved.findingId]: [f.moved.revisionId, 'moved'],
      [f.edited.findingId]: [f.edited.revisionId, 'proposed'],
      [f.removed.findingId]: [f.removed.revisionId, 'orphan'],
      [f.closing.findingId]: [f.closing.revisionId, 'moved'],
      [f.draft.findingId]: [f.draft.revisionId, 'proposed'],
    });

    // Where each quote sits now: a silent move counts, an open proposal and an orphan do not.
    expect(await currentAnchoring(k.t.db, f.moved.revisionId)).toMatchObject({ snapshotId: s2, status: 'moved' });
    expect(await currentAnchoring(k.t.db, f.edited.revisionId)).toBeUndefined();
    expect(await currentAnchoring(k.t.db, f.removed.revisionId)).toBeUndefined();
  });

  it('lists the proposal and the orphan for curators, not the silent moves', async () => {
    const open = await openOfSource();
    expect(open.map((o) => [o.status, o.revisionId, o.snapshotId]).sort()).toEqual(
      [
        ['orphan', f.removed.revisionId, s2],
        ['proposed', f.edited.revisionId, s2],
      ].sort(),
    );
    expect(open.find((o) => o.status === 'proposed')).toMatchObject({
      publicId: f.edited.publicId,
      quote: EDITED,
      ...spanIn(V2.text, EDITED_V2),
    });
  });

  it('keeps another curator’s draft private: listed and decided by its author only', async () => {
    const mine = await openOfSource(k.otherCurator.id);
    expect(mine.map((o) => o.revisionId).sort()).toEqual(
      [f.draft.revisionId, f.edited.revisionId, f.removed.revisionId].sort(),
    );
    const draftProposal = mine.find((o) => o.revisionId === f.draft.revisionId)!;
    for (const who of [k.curator, k.reviewer, k.admin])
      expect((await domainFailure(decideAnchoring(k.t.db, who.id, draftProposal.id, 'accepted'))).code).toBe(
        'not_found:anchoring',
      );
    expect((await byRevision(s2)).get(f.draft.revisionId)).toMatchObject({ decision: null });
    expect((await domainFailure(decideAnchoring(k.t.db, k.curator.id, 2_000_000, 'accepted'))).code).toBe(
      'not_found:anchoring',
    );
  });

  it('records an acceptance once, audited; a second decision, or deciding a move or an orphan, is a conflict', async () => {
    const rows = await byRevision(s2);
    const proposed = rows.get(f.edited.revisionId)!;
    expect(await decideAnchoring(k.t.db, k.curator.id, proposed.id, 'accepted')).toEqual({
      findingId: f.edited.findingId,
    });
    const accepted = (await k.auditOf('evidence.accept')).filter((a) => a.detail.anchoringId === proposed.id);
    expect(accepted).toEqual([
      expect.objectContaining({
        entity: 'finding',
        entity_id: String(f.edited.findingId),
        actor_id: k.curator.id,
        detail: { anchoringId: proposed.id, revisionId: f.edited.revisionId, snapshotId: s2 },
      }),
    ]);
    for (const [id, decision] of [
      [proposed.id, 'rejected'],
      [proposed.id, 'accepted'],
      [rows.get(f.moved.revisionId)!.id, 'accepted'],
      [rows.get(f.removed.revisionId)!.id, 'rejected'],
    ] as const)
      expect((await domainFailure(decideAnchoring(k.t.db, k.reviewer.id, id, decision))).code).toBe(
        'conflict:anchoring',
      );
    expect((await byRevision(s2)).get(f.edited.revisionId)).toMatchObject({ decision: 'accepted' });
    expect(await k.auditOf('evidence.reject')).toEqual([]);
    expect(await currentAnchoring(k.t.db, f.edited.revisionId)).toMatchObject({ id: proposed.id, snapshotId: s2 });
    expect((await openOfSource()).map((o) => o.status)).toEqual(['orphan']);
  });

  it('lists only the newest snapshot’s items after a third text, and records a rejection once', async () => {
    const r = await addSnapshot(k.t.db, null, { sourceId, origin: 'jats_upload', extracted: V3 });
    const s3 = r.snapshot.id;
    const rows = await byRevision(s3);
    expect(rows.get(f.moved.revisionId)).toMatchObject({ status: 'moved', ...spanIn(V3.text, MOVED) });
    expect(rows.get(f.removed.revisionId)).toMatchObject({ status: 'orphan' });
    const proposal = rows.get(f.closing.revisionId)!;
    expect(proposal).toMatchObject({ status: 'proposed', ...spanIn(V3.text, CLOSING_V3) });
    // The accepted move carries forward: the sentence is looked for as it reads in the second text, so it moves.
    expect(rows.get(f.edited.revisionId)).toMatchObject({ status: 'moved', ...spanIn(V3.text, EDITED_V2) });

    const open = await openOfSource();
    expect(open.every((o) => o.snapshotId === s3)).toBe(true);
    expect(open.map((o) => o.revisionId)).toContain(f.removed.revisionId);
    expect(open.map((o) => o.revisionId)).toContain(f.closing.revisionId);
    expect(open.map((o) => o.revisionId)).not.toContain(f.moved.revisionId);

    await decideAnchoring(k.t.db, k.reviewer.id, proposal.id, 'rejected');
    expect((await k.auditOf('evidence.reject')).map((a) => [a.entity_id, a.actor_id, a.detail.anchoringId])).toEqual([
      [String(f.closing.findingId), k.reviewer.id, proposal.id],
    ]);
    const again = await domainFailure(decideAnchoring(k.t.db, k.curator.id, proposal.id, 'accepted'));
    expect(again.code).toBe('conflict:anchoring');
    expect((await openOfSource()).map((o) => o.revisionId)).not.toContain(f.closing.revisionId);
    // A rejected proposal is not where the quote sits; its last silent move still is.
    expect(await currentAnchoring(k.t.db, f.closing.revisionId)).toMatchObject({ snapshotId: s2, status: 'moved' });
    // Every earlier anchoring is kept.
    expect(await k.anchorings(s2)).toHaveLength(5);
    expect(await countOf(k.t, `select count(*) n from source_texts where source_id = $1`, [sourceId])).toBe(3);
  });
});
