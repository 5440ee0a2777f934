/**
 * The submit-time quote check (issue 12, item 3) through submitFinding: a quote that claims a stored text must
 * match it; a quote typed by hand is verified when it occurs once in the newest text, else stored as not verified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../lib/sourcetext/hash';
import { domainFailure, makeContent, testEngines } from '../test-utils';
import { anchorAt } from './evidence';
import { addSnapshot } from './snapshots';
import {
  anchorOf,
  EDITED,
  INSERTED,
  MOVED,
  openSnapshotKit,
  REMOVED,
  type SnapshotKit,
  spanIn,
  V1,
  V2,
} from './snapshots-test-kit';

describe.each(testEngines())('evidence checked at submission on %s', (engine) => {
  let k: SnapshotKit;
  /** A source whose texts are V1 then V2 (the newest). */
  let sourceId: number;
  /** A source without stored text. */
  let bare: number;

  beforeAll(async () => {
    k = await openSnapshotKit(engine);
    ({ sourceId } = await k.givenSource());
    await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'paste', extracted: V1 });
    await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'paste', extracted: V2 });
    ({ sourceId: bare } = await k.givenSource());
  });
  afterAll(() => k.t.dispose());

  /** A draft with this quote (and anchor), submitted; what its revision stored. */
  const submitted = async (source: number, over: Record<string, unknown>) => {
    const d = await k.givenDraft(source, over);
    await k.submit(d.findingId);
    return k.revision(d.revisionId);
  };

  it('verifies a quote that matches the text it claims, and stores the canonical selectors', async () => {
    // As a client might send it: the quote without context, its position wrong.
    const claimed = anchorOf(V1.text, MOVED);
    const loose = { ...claimed, quote: { type: 'TextQuoteSelector', exact: MOVED }, position: { ...claimed.position } };
    loose.position.start += 3;
    const rev = await submitted(sourceId, { evidenceQuote: MOVED, evidenceAnchor: loose });
    expect(rev).toMatchObject({ submitted: true, evidence_verified: true, evidence_anchor: claimed });
    expect(claimed.quote.prefix).toBeTruthy();
    expect(claimed.position).toEqual({ type: 'TextPositionSelector', ...spanIn(V1.text, MOVED) });
    expect(claimed.snapshot.sha256).toBe(sha256Hex(V1.text));
  });

  it('refuses a claimed quote edited to words not in the text, on the quote field, changing nothing', async () => {
    const content = makeContent({
      recipientCell: 'Edited quote cells',
      evidenceQuote: 'Myotube-derived EVs cured osteoporosis in every mouse of the cohort within two days.',
      evidenceAnchor: anchorOf(V1.text, MOVED),
    });
    const d = await k.givenDraft(sourceId, content);
    const e = await domainFailure(k.submit(d.findingId));
    expect(e.kind).toBe('invalid');
    expect(e.fields?.evidenceQuote).toMatch(/does not match the stored text/);
    expect(e.fields?.evidenceQuote).toMatch(/Not verified against stored text/);
    expect(await k.findingState(d.findingId)).toEqual({ status: 'draft', lock_version: 0 });
    expect(await k.revision(d.revisionId)).toMatchObject({ submitted: false, evidence_verified: null });

    // Marked as typed by hand, the same quote is submitted, not verified, without an anchor.
    await k.submitWith(d.findingId, 0, { ...content, evidenceUnverified: true });
    // Saving the draft and submitting it are two changes of the finding.
    expect(await k.findingState(d.findingId)).toEqual({ status: 'submitted', lock_version: 2 });
    expect(await k.revision(d.revisionId)).toEqual({
      submitted: true,
      evidence_verified: false,
      evidence_anchor: null,
    });
  });

  it('refuses a claimed quote that differs by one word from its text', async () => {
    const anchor = anchorOf(V1.text, EDITED);
    const d = await k.givenDraft(sourceId, {
      evidenceQuote: EDITED.replace('abolished', 'reduced'),
      evidenceAnchor: anchor,
    });
    expect((await domainFailure(k.submit(d.findingId))).fields?.evidenceQuote).toMatch(/does not match/);
    expect(await k.findingState(d.findingId)).toEqual({ status: 'draft', lock_version: 0 });
  });

  it('refuses a claim on a text the source does not have', async () => {
    const onOther = await k.givenDraft(bare, { evidenceQuote: MOVED, evidenceAnchor: anchorOf(V1.text, MOVED) });
    const e = await domainFailure(k.submit(onOther.findingId));
    expect(e.fields?.evidenceQuote).toMatch(
      new RegExp(`\\(${sha256Hex(V1.text).slice(0, 12)}…\\) this source does not have`),
    );
    expect(await k.findingState(onOther.findingId)).toEqual({ status: 'draft', lock_version: 0 });
    const made = anchorAt('A text never stored. ' + MOVED, 'ab'.repeat(32), 21, 21 + MOVED.length);
    const unknown = await k.givenDraft(sourceId, { evidenceQuote: MOVED, evidenceAnchor: made });
    expect((await domainFailure(k.submit(unknown.findingId))).fields?.evidenceQuote).toMatch(/does not have/);
  });

  it('refuses a claimed quote that occurs several times when its context does not say which', async () => {
    const at = V1.text.indexOf('miR-133a');
    const anchor = {
      snapshot: { sha256: sha256Hex(V1.text) },
      quote: { type: 'TextQuoteSelector', exact: 'miR-133a' },
      position: { type: 'TextPositionSelector', start: at + 1, end: at + 9 },
    };
    const d = await k.givenDraft(sourceId, { evidenceQuote: 'miR-133a', evidenceAnchor: anchor });
    expect((await domainFailure(k.submit(d.findingId))).fields?.evidenceQuote).toMatch(/occurs \d+ times/);
  });

  it('verifies a typed quote found once in the newest text, and anchors it there', async () => {
    const rev = await submitted(sourceId, { evidenceQuote: INSERTED });
    expect(rev).toMatchObject({ evidence_verified: true, evidence_anchor: anchorOf(V2.text, INSERTED) });
    // Spacing and line breaks do not matter (the matching form); the anchor is of the text as stored.
    const spaced = MOVED.replace(' were taken up ', '  were\ntaken up ');
    const loose = await submitted(sourceId, { evidenceQuote: spaced });
    expect(loose).toMatchObject({ evidence_verified: true, evidence_anchor: anchorOf(V2.text, MOVED) });
  });

  it('labels a typed quote not verified when the newest text lacks it, has it twice, or there is no text', async () => {
    // Only in the older text.
    expect(await submitted(sourceId, { evidenceQuote: REMOVED })).toMatchObject({
      evidence_verified: false,
      evidence_anchor: null,
    });
    expect(await submitted(sourceId, { evidenceQuote: 'miR-133a' })).toMatchObject({
      evidence_verified: false,
      evidence_anchor: null,
    });
    expect(await submitted(bare, { evidenceQuote: MOVED })).toMatchObject({
      evidence_verified: false,
      evidence_anchor: null,
    });
    // No quote: nothing to verify.
    expect(await submitted(bare, { evidenceQuote: '' })).toMatchObject({
      evidence_verified: null,
      evidence_anchor: null,
    });
  });
});
