/**
 * What the source page shows of a source's text (sourceTextView), on both engines, with the admin's "public read"
 * setting on and off: open-access text to anyone who may see the source, pasted or uploaded text to signed-in
 * users only, and the tagger's mentions for the text shown — never for a text the viewer may not read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRouteKit } from '@/app/api/route-test-kit';
import { updateSettings } from '@/db/queries/settings';
import { addSnapshot } from '@/db/queries/snapshots';
import { type TestDb, testEngines, userIdByEmail } from '@/db/test-utils';
import { extractPlainText } from '@/lib/sourcetext/plain';
import type { ExtractedText } from '@/lib/sourcetext/types';
import { readContextFor } from './read-policy';
import type { Actor } from './session';
import { sourceTextView, VISIBILITY_NOTES } from './source-text-view';

const PASTED = 'Abstract\nPasted text: muscle vesicles carried miR-206 to bone marrow.';
const OPEN = 'Abstract\nOpen-access text: exercised muscle releases miR-133a in CD63-positive vesicles.';

function extracted(text: string): ExtractedText {
  const r = extractPlainText(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe.each(testEngines())('sourceTextView on %s', (engine) => {
  let t: TestDb;
  let dispose: () => Promise<void>;
  let adminId: number;
  let reviewer: Actor;
  let sourceId: number;
  let pastedId: number;
  let openId: number;

  beforeAll(async () => {
    ({ t, dispose } = await openRouteKit(engine, 'source text view'));
    adminId = await userIdByEmail(t, 'admin@example.org');
    const reviewerId = await userIdByEmail(t, 'reviewer@example.org');
    reviewer = { id: reviewerId, role: 'reviewer', email: 'r@example.org', name: 'R', via: 'session', scope: 'write' };
    const curatorId = await userIdByEmail(t, 'curator@example.org');
    const [src] = await t.query<{ id: number }>(
      `insert into sources (doi, title, metadata_origin) values ('10.5555/view.test', 'View test', 'manual') returning id`,
    );
    sourceId = src!.id;
    const add = (origin: 'paste' | 'europepmc', text: string) =>
      addSnapshot(t.db, curatorId, { sourceId, origin, extracted: extracted(text), detail: {} });
    pastedId = (await add('paste', PASTED)).snapshot.id;
    openId = (await add('europepmc', OPEN)).snapshot.id;
  });
  afterAll(() => dispose?.());

  /** The view as a request with this caller sees it, under the stored setting. */
  async function viewAs(actor: Actor | null, wanted: number | null = null) {
    return sourceTextView(t.db, await readContextFor(actor), sourceId, wanted, null);
  }
  const mentioned = (v: Awaited<ReturnType<typeof viewAs>>, type: string) =>
    (v.shown?.mentions ?? []).filter((m) => m.type === type).map((m) => v.shown!.snapshot.text.slice(m.start, m.end));

  it('shows an anonymous visitor only the open-access text while public read is on, even when asked for the other', async () => {
    await updateSettings(t.db, adminId, { publicRead: true });
    for (const wanted of [null, pastedId, openId]) {
      const v = await viewAs(null, wanted);
      expect(v.snapshots.map((s) => [s.id, s.origin, s.openAccess])).toEqual([[openId, 'europepmc', true]]);
      expect(v.hiddenFromViewer).toBe(true);
      expect(v.shown?.snapshot).toMatchObject({ id: openId, origin: 'europepmc', openAccess: true, text: OPEN });
      expect(v.shown?.visibilityNote).toBe(VISIBILITY_NOTES.open);
      expect(v.drafts).toEqual([]);
    }
    const v = await viewAs(null, pastedId);
    expect(mentioned(v, 'mirna')).toEqual(['miR-133a']);
    expect(JSON.stringify(v)).not.toContain('miR-206');
  });

  it('shows an anonymous visitor no text at all while public read is off', async () => {
    await updateSettings(t.db, adminId, { publicRead: false });
    try {
      for (const wanted of [null, pastedId, openId]) {
        const v = await viewAs(null, wanted);
        expect(v.snapshots).toEqual([]);
        expect(v.shown).toBeNull();
        expect(JSON.stringify(v)).not.toMatch(/miR-133a|miR-206/);
      }
    } finally {
      await updateSettings(t.db, adminId, { publicRead: true });
    }
  });

  it.each([true, false])(
    'shows a signed-in user both texts with public read %s, with mentions of the one shown',
    async (on) => {
      await updateSettings(t.db, adminId, { publicRead: on });
      try {
        const newest = await viewAs(reviewer);
        expect(newest.snapshots.map((s) => s.id)).toEqual([openId, pastedId]);
        expect(newest.hiddenFromViewer).toBe(false);
        expect(newest.shown?.snapshot.id).toBe(openId);
        expect(mentioned(newest, 'mirna')).toEqual(['miR-133a']);
        expect(mentioned(newest, 'marker')).toContain('CD63');

        const pasted = await viewAs(reviewer, pastedId);
        expect(pasted.shown?.snapshot).toMatchObject({
          id: pastedId,
          origin: 'paste',
          openAccess: false,
          text: PASTED,
        });
        expect(pasted.shown?.visibilityNote).toBe(VISIBILITY_NOTES.restricted);
        expect(mentioned(pasted, 'mirna')).toEqual(['miR-206']);
        for (const m of pasted.shown!.mentions) expect(PASTED.slice(m.start, m.end)).toBe(m.text);
      } finally {
        await updateSettings(t.db, adminId, { publicRead: true });
      }
    },
  );

  it('shows nothing and hides nothing for a source without text', async () => {
    const [src] = await t.query<{ id: number }>(
      `insert into sources (doi, title, metadata_origin) values ('10.5555/view.empty', 'Empty', 'manual') returning id`,
    );
    const v = await sourceTextView(t.db, await readContextFor(null), src!.id, null, null);
    expect(v).toEqual({ snapshots: [], shown: null, hiddenFromViewer: false, drafts: [] });
  });
});
