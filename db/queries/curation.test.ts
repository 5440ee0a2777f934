import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlState } from '../errors';
import { seedDatabase } from '../seed-lib';
import {
  BONE,
  countOf,
  DEMO_PASSWORD,
  domainFailure,
  makeContent,
  openTestDb,
  type TestDb,
  testEngines,
  userIdByEmail,
} from '../test-utils';
import { createFinding, findDuplicates, revertToRevision, saveDraft, submitFinding, type Actor } from './curation';
import { createUser } from './users';

describe.each(testEngines())('curation on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let other: Actor;
  let sourceId: number;

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD });
    curator = { id: await userIdByEmail(t, 'curator@example.org'), role: 'curator' };
    const o = await createUser(t.db, null, {
      email: 'second.curator@example.org',
      name: 'Second Curator',
      role: 'curator',
      password: 'long-enough-pass',
    });
    other = { id: o.id, role: 'curator' };
    const [s] = await t.query<{ id: number }>(
      `insert into sources (doi, title, metadata_origin) values ('10.5555/curation.test', 'A test paper', 'manual') returning id`,
    );
    sourceId = s!.id;
  });
  afterAll(() => t.dispose());

  it('a new finding is a draft; autosaves go into the same revision and bump the lock version', async () => {
    const created = await createFinding(t.db, curator, { sourceId, content: { targetOrgan: BONE } });
    expect(created.publicId).toMatch(/^EVX-\d{6}$/);
    const s1 = await saveDraft(t.db, curator, { findingId: created.findingId, lockVersion: 0, content: makeContent() });
    const s2 = await saveDraft(t.db, curator, {
      findingId: created.findingId,
      lockVersion: s1.lockVersion,
      content: makeContent({ result: 'Edited.' }),
    });
    expect([s1.lockVersion, s2.lockVersion]).toEqual([1, 2]);
    expect(s2.created).toBe(false);
    expect(
      await countOf(t, `select count(*)::int n from finding_revisions where finding_id = $1`, [created.findingId]),
    ).toBe(1);
    const [row] = await t.query<{ result: string; cargo: { name: string }[]; status: string }>(
      `select r.result, r.cargo, f.status from finding_revisions r join findings f on f.id = r.finding_id where r.finding_id = $1`,
      [created.findingId],
    );
    expect(row!.result).toBe('Edited.');
    expect(row!.status).toBe('draft');
    // miRNA names are stored the miRBase way.
    expect(row!.cargo.map((c) => c.name)).toEqual(['miR-133a', 'CD63']);
  });

  it('each editing sitting collects its autosaves in one draft revision; a later sitting starts the next one', async () => {
    const f = await createFinding(t.db, curator, {
      sourceId,
      content: makeContent({ recipientCell: 'Myotubes' }),
      editSession: 'sitting-one-aaaa',
    });
    const a = await saveDraft(t.db, curator, {
      findingId: f.findingId,
      lockVersion: 0,
      content: makeContent({ recipientCell: 'Myotubes', result: 'One' }),
      editSession: 'sitting-one-aaaa',
    });
    expect(a).toMatchObject({ revisionNo: 1, created: false });
    const b = await saveDraft(t.db, curator, {
      findingId: f.findingId,
      lockVersion: a.lockVersion,
      content: makeContent({ recipientCell: 'Myotubes', result: 'Two' }),
      editSession: 'sitting-two-bbbb',
    });
    expect(b).toMatchObject({ revisionNo: 2, created: true });
    const c = await saveDraft(t.db, curator, {
      findingId: f.findingId,
      lockVersion: b.lockVersion,
      content: makeContent({ recipientCell: 'Myotubes', result: 'Three' }),
      editSession: 'sitting-two-bbbb',
    });
    expect(c).toMatchObject({ revisionNo: 2, created: false });
    const rows = await t.query<{ revision_no: number; result: string }>(
      `select revision_no, result from finding_revisions where finding_id = $1 order by revision_no`,
      [f.findingId],
    );
    expect(rows).toEqual([
      { revision_no: 1, result: 'One' },
      { revision_no: 2, result: 'Three' },
    ]);
  });

  it('a stale lock version is refused with the current state, and nothing is written', async () => {
    const f = await createFinding(t.db, curator, { sourceId, content: makeContent({ recipientCell: 'HUVECs' }) });
    await saveDraft(t.db, curator, {
      findingId: f.findingId,
      lockVersion: 0,
      content: makeContent({ recipientCell: 'HUVECs', result: 'First.' }),
    });
    const err = await domainFailure(
      saveDraft(t.db, curator, {
        findingId: f.findingId,
        lockVersion: 0,
        content: makeContent({ recipientCell: 'HUVECs', result: 'Stale.' }),
      }),
    );
    expect(err.code).toBe('conflict:finding');
    const current = err.details?.current as { lockVersion: number; content: { result: string } };
    expect(current.lockVersion).toBe(1);
    expect(current.content.result).toBe('First.');
    const [row] = await t.query<{ result: string }>(`select result from finding_revisions where finding_id = $1`, [
      f.findingId,
    ]);
    expect(row!.result).toBe('First.');
  });

  it('concurrent saves with the same lock version: exactly one succeeds', async () => {
    const f = await createFinding(t.db, curator, { sourceId, content: makeContent({ recipientCell: 'Osteoclasts' }) });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        saveDraft(t.db, curator, {
          findingId: f.findingId,
          lockVersion: 0,
          content: makeContent({ recipientCell: 'Osteoclasts', result: `Writer ${i}` }),
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ kind: 'conflict' });
    const [row] = await t.query<{ lock_version: number }>(`select lock_version from findings where id = $1`, [
      f.findingId,
    ]);
    expect(row!.lock_version).toBe(1);
  });

  it('submitting freezes the revision; editing afterwards starts revision 2 from it', async () => {
    const f = await createFinding(t.db, curator, { sourceId, content: makeContent({ recipientCell: 'Chondrocytes' }) });
    const sub = await submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: 0 });
    expect(sub.revisionNo).toBe(1);
    const [rev1] = await t.query<{ id: number; change_summary: string }>(
      `select id, change_summary from finding_revisions where finding_id = $1`,
      [f.findingId],
    );
    expect(rev1!.change_summary).toBe('New finding');
    expect(
      sqlState(await t.query(`update finding_revisions set result = 'x' where id = $1`, [rev1!.id]).catch((e) => e)),
    ).toBe('EV001');
    // Someone else may not edit it while it awaits review; its author may (withdrawing it).
    expect(
      (
        await domainFailure(
          saveDraft(t.db, other, { findingId: f.findingId, lockVersion: sub.lockVersion, content: makeContent() }),
        )
      ).kind,
    ).toBe('conflict');
    const s = await saveDraft(t.db, curator, {
      findingId: f.findingId,
      lockVersion: sub.lockVersion,
      content: makeContent({ recipientCell: 'Chondrocytes', result: 'Corrected.' }),
      changeSummary: 'Fix the result',
    });
    expect(s).toMatchObject({ revisionNo: 2, created: true });
    const revs = await t.query<{ revision_no: number; based_on_revision_id: number | null; submitted: boolean }>(
      `select revision_no, based_on_revision_id, submitted_at is not null as submitted from finding_revisions where finding_id = $1 order by revision_no`,
      [f.findingId],
    );
    expect(revs).toEqual([
      { revision_no: 1, based_on_revision_id: null, submitted: true },
      { revision_no: 2, based_on_revision_id: rev1!.id, submitted: false },
    ]);
    // A draft of one curator is not writable by another.
    const err = await domainFailure(
      saveDraft(t.db, other, { findingId: f.findingId, lockVersion: s.lockVersion, content: makeContent() }),
    );
    expect(err.message).toMatch(/unsubmitted draft/);
    // Revert: a new draft revision equal to revision 1 (the draft it replaces stays in the history).
    const r = await revertToRevision(t.db, curator, {
      findingId: f.findingId,
      lockVersion: s.lockVersion,
      revisionNo: 1,
    });
    expect(r).toMatchObject({ revisionNo: 3, created: true });
    const [draft] = await t.query<{ result: string; change_summary: string }>(
      `select result, change_summary from finding_revisions where finding_id = $1 and revision_no = 3`,
      [f.findingId],
    );
    expect(draft).toEqual({
      result: 'Muscle EVs promote osteogenic differentiation.',
      change_summary: 'Revert to revision 1',
    });
    expect(
      await countOf(
        t,
        `select count(*)::int n from audit_events where entity = 'finding' and entity_id = $1 and action in ('finding.create','finding.submit','finding.revision_start','finding.revert')`,
        [String(f.findingId)],
      ),
    ).toBe(5);
  });

  it('submission needs the full record and an edit needs a change summary', async () => {
    const f = await createFinding(t.db, curator, { sourceId, content: { targetOrgan: BONE, evSource: 'C2C12' } });
    const err = await domainFailure(submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: 0 }));
    expect(err.kind).toBe('invalid');
    expect(Object.keys(err.details!.fields!).sort()).toEqual(['direction', 'recipientCell', 'result', 'species']);
    expect(
      await countOf(
        t,
        `select count(*)::int n from finding_revisions where finding_id = $1 and submitted_at is not null`,
        [f.findingId],
      ),
    ).toBe(0);
  });

  it('refuses a duplicate of an existing finding (same DOI, organ, recipient cell, cargo set) and links it', async () => {
    const [seeded] = await t.query<{ id: number; public_id: string; source_id: number }>(
      `select f.id, f.public_id, f.source_id from findings f join finding_revisions r on r.id = f.approved_revision_id where r.cargo @> '[{"name":"miR-92a-3p"}]'`,
    );
    const [rev] = await t.query<{ target_organ: string; recipient_cell: string; species: string }>(
      `select target_organ, recipient_cell, species from finding_revisions where finding_id = $1`,
      [seeded!.id],
    );
    const dup = makeContent({
      targetOrgan: rev!.target_organ,
      species: rev!.species,
      recipientCell: ` ${rev!.recipient_cell.toUpperCase()} `,
      cargo: [{ name: 'MIR-92A-3P', type: 'miRNA' }],
    });
    const f = await createFinding(t.db, curator, { sourceId: seeded!.source_id, content: dup });
    const err = await domainFailure(submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: 0 }));
    expect(err.code).toBe('conflict:duplicate');
    expect(err.details?.duplicates).toEqual([seeded!.public_id]);
    // Different cargo: not a duplicate.
    expect(
      await findDuplicates(t.db, f.findingId, seeded!.source_id, {
        ...dup,
        cargo: [{ name: 'miR-1', type: 'miRNA' }],
      } as never),
    ).toEqual([]);
  });

  it('bad input is refused field by field and stores nothing', async () => {
    const before = await countOf(t, `select count(*)::int n from finding_revisions`);
    const cases: [Record<string, unknown>, string][] = [
      [{ evSource: 'C2C12\u0000cells' }, 'evSource'],
      [{ result: 'x'.repeat(200_000) }, 'result'],
      [{ recipientCell: '<script>alert(1)</script>' }, 'recipientCell'],
      [{ targetOrgan: 'UBERON:9999999' }, 'targetOrgan'],
      [{ cargo: [{ name: 'miR-1', type: 'plasmid' }] }, 'cargo.0.type'],
      [{ cargo: Array.from({ length: 10_000 }, (_, i) => ({ name: `miR-${i}`, type: 'miRNA' })) }, 'cargo'],
    ];
    for (const [over, field] of cases) {
      const err = await domainFailure(createFinding(t.db, curator, { sourceId, content: makeContent(over) }));
      expect(err.kind).toBe('invalid');
      expect(Object.keys(err.details!.fields!)).toContain(field);
    }
    expect(
      (await domainFailure(createFinding(t.db, curator, { sourceId: 999_999, content: makeContent() }))).code,
    ).toBe('not_found:source');
    expect(await countOf(t, `select count(*)::int n from finding_revisions`)).toBe(before);
  });
});
