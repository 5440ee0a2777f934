import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../lib/sourcetext/hash';
import { APPEND_ONLY, sqlState } from '../errors';
import { countOf, domainFailure, failure, testEngines } from '../test-utils';
import { addSnapshot, getSnapshot, getSnapshotBySha, listSnapshots, toReaderSnapshot } from './snapshots';
import { openSnapshotKit, type SnapshotKit, V1, V2 } from './snapshots-test-kit';

describe.each(testEngines())('source snapshots on %s', (engine) => {
  let k: SnapshotKit;

  beforeAll(async () => {
    k = await openSnapshotKit(engine);
  });
  afterAll(() => k.t.dispose());

  it('stores the text, its sections and SHA-256, open access by origin, and audits it', async () => {
    const { sourceId } = await k.givenSource();
    const pasted = await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'paste', extracted: V1 });
    expect(pasted).toMatchObject({
      created: true,
      reanchored: { moved: 0, proposed: 0, ambiguous: 0, orphan: 0 },
      snapshot: { sourceId, origin: 'paste', openAccess: false, sha256: sha256Hex(V1.text), chars: V1.text.length },
    });
    expect(pasted.snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = (await getSnapshot(k.t.db, pasted.snapshot.id))!;
    expect(stored.text).toBe(V1.text);
    expect(stored.sections).toEqual(V1.sections);
    expect(stored.createdBy).toBe(k.curator.id);
    expect(stored.sections.map((s) => V1.text.slice(s.start, s.end))[0]).toMatch(/^Skeletal muscle vesicles/);
    expect(toReaderSnapshot(stored)).toMatchObject({ id: stored.id, text: V1.text, openAccess: false });
    expect(toReaderSnapshot(stored).retrievedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const fetched = await addSnapshot(k.t.db, null, {
      sourceId,
      origin: 'europepmc',
      extracted: V2,
      detail: { pmcid: 'PMC0000001' },
    });
    expect(fetched.snapshot).toMatchObject({ origin: 'europepmc', openAccess: true, detail: { pmcid: 'PMC0000001' } });
    expect((await listSnapshots(k.t.db, sourceId)).map((s) => s.id)).toEqual([fetched.snapshot.id, pasted.snapshot.id]);
    expect((await getSnapshotBySha(k.t.db, sourceId, sha256Hex(V2.text)))?.id).toBe(fetched.snapshot.id);

    const audit = (await k.auditOf('source.snapshot')).filter((a) => a.entity_id === String(sourceId));
    expect(audit).toEqual([
      expect.objectContaining({
        entity: 'source',
        actor_id: k.curator.id,
        detail: expect.objectContaining({
          snapshotId: pasted.snapshot.id,
          origin: 'paste',
          sha256: sha256Hex(V1.text),
        }),
      }),
      expect.objectContaining({ actor_id: null, detail: expect.objectContaining({ snapshotId: fetched.snapshot.id }) }),
    ]);
  });

  it('keeps one row for the same text added twice (created: false, nothing audited again)', async () => {
    const { sourceId } = await k.givenSource();
    const first = await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'paste', extracted: V1 });
    const again = await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'jats_upload', extracted: V1 });
    expect(again.created).toBe(false);
    expect(again.snapshot).toEqual(first.snapshot);
    expect(await countOf(k.t, `select count(*) n from source_texts where source_id = $1`, [sourceId])).toBe(1);
    const audit = (await k.auditOf('source.snapshot')).filter((a) => a.entity_id === String(sourceId));
    expect(audit).toHaveLength(1);
    // The same text on another source is that source's own snapshot.
    const other = await k.givenSource();
    const elsewhere = await addSnapshot(k.t.db, null, { sourceId: other.sourceId, origin: 'paste', extracted: V1 });
    expect(elsewhere).toMatchObject({ created: true, snapshot: { sha256: first.snapshot.sha256 } });
    expect(elsewhere.snapshot.id).not.toBe(first.snapshot.id);
  });

  it('refuses an unknown source as not found, storing nothing', async () => {
    const before = await countOf(k.t, `select count(*) n from source_texts`);
    const e = await domainFailure(
      addSnapshot(k.t.db, k.curator.id, { sourceId: 987654, origin: 'paste', extracted: V1 }),
    );
    expect(e.code).toBe('not_found:source');
    expect(await countOf(k.t, `select count(*) n from source_texts`)).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of a snapshot in the database itself', async () => {
    const { sourceId } = await k.givenSource();
    const { snapshot } = await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'paste', extracted: V1 });
    const update = await failure(k.t.query(`update source_texts set text = 'tampered' where id = $1`, [snapshot.id]));
    expect(sqlState(update)).toBe(APPEND_ONLY);
    const origin = await failure(
      k.t.query(`update source_texts set origin = 'europepmc', open_access = true where id = $1`, [snapshot.id]),
    );
    expect(sqlState(origin)).toBe(APPEND_ONLY);
    expect(sqlState(await failure(k.t.query(`delete from source_texts where id = $1`, [snapshot.id])))).toBe(
      APPEND_ONLY,
    );
    // Plain TRUNCATE is stopped by the anchorings' foreign key already; CASCADE reaches the trigger.
    expect(sqlState(await failure(k.t.query(`truncate source_texts`)))).toBe('0A000');
    expect(sqlState(await failure(k.t.query(`truncate source_texts cascade`)))).toBe(APPEND_ONLY);
    const after = (await getSnapshot(k.t.db, snapshot.id))!;
    expect({ text: after.text, origin: after.origin, openAccess: after.openAccess }).toEqual({
      text: V1.text,
      origin: 'paste',
      openAccess: false,
    });
  });

  it('lets an anchoring be decided once, and never changed, deleted or truncated', async () => {
    const { sourceId } = await k.givenSource();
    const { snapshot } = await addSnapshot(k.t.db, k.curator.id, { sourceId, origin: 'paste', extracted: V1 });
    const [rev] = await k.t.query<{ id: number }>(`select id from finding_revisions order by id limit 1`);
    const insert = (status: string, span: [number, number] | null) =>
      k.t.query<{ id: number }>(
        `insert into evidence_anchorings (revision_id, snapshot_id, status, start, "end", score)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [rev!.id, snapshot.id, status, span?.[0] ?? null, span?.[1] ?? null, span ? 0.9 : null],
      );
    const [row] = await insert('proposed', [10, 40]);
    const id = row!.id;
    const refused = async (sql: string) => expect(sqlState(await failure(k.t.query(sql, [id])))).toBe(APPEND_ONLY);
    // Undecided: nothing but a decision may be written, and it may not be deleted.
    await refused(`update evidence_anchorings set status = 'moved' where id = $1`);
    await refused(`update evidence_anchorings set start = 11, "end" = 41, decision = 'accepted' where id = $1`);
    await refused(`delete from evidence_anchorings where id = $1`);
    await k.t.query(
      `update evidence_anchorings set decision = 'accepted', decided_by = ${k.curator.id} where id = $1`,
      [id],
    );
    // Decided: not again, not undone.
    await refused(`update evidence_anchorings set decision = 'rejected' where id = $1`);
    await refused(`update evidence_anchorings set decision = null where id = $1`);
    await refused(`delete from evidence_anchorings where id = $1`);
    expect(sqlState(await failure(k.t.query(`truncate evidence_anchorings`)))).toBe(APPEND_ONLY);
    const [after] = await k.anchorings(snapshot.id);
    expect(after).toMatchObject({ id, status: 'proposed', start: 10, end: 40, decision: 'accepted' });
    // One anchoring per revision and snapshot.
    expect(sqlState(await failure(insert('orphan', null)))).toBe('23505');
  });
});
