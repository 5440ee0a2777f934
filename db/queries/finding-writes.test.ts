import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionToContent } from '../../lib/finding/from-row';
import { findingDraftSchema } from '../../lib/finding/schema';
import type { FindingRevision } from '../schema';
import { seedDatabase } from '../seed-lib';
import { DEMO_PASSWORD, makeContent, openTestDb, type TestDb, testEngines, userIdByEmail } from '../test-utils';
import { type Actor, createFinding, saveDraft } from './curation';
import { readFindingState } from './finding-state';
import { contentColumns } from './finding-tx';
import { writeDecision, writeSave, writeSubmit } from './finding-writes';

/** The one-statement writes (finding-writes.ts): a stale lock version writes nothing at all; a current one writes everything. */
describe.each(testEngines())('finding writes on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let findingId: number;

  const counts = async () =>
    (
      await t.query<{ revs: number; events: number; reviews: number; lock: number; status: string }>(
        `select (select count(*)::int from finding_revisions where finding_id = $1) as revs,
           (select count(*)::int from audit_events where entity = 'finding' and entity_id = $1::text) as events,
           (select count(*)::int from reviews v join finding_revisions r on r.id = v.revision_id where r.finding_id = $1) as reviews,
           f.lock_version as lock, f.status::text as status
         from findings f where f.id = $1`,
        [findingId],
      )
    )[0]!;

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD });
    curator = { id: await userIdByEmail(t, 'curator@example.org'), role: 'curator' };
    const [s] = await t.query<{ id: number }>(
      `insert into sources (doi, title, metadata_origin) values ('10.5555/finding-writes.test', 'A test paper', 'manual') returning id`,
    );
    findingId = (await createFinding(t.db, curator, { sourceId: s!.id, content: makeContent() })).findingId;
    await saveDraft(t.db, curator, { findingId, lockVersion: 0, content: makeContent() });
  });
  afterAll(() => t?.dispose());

  it('a stale lock version writes no revision, no audit event, no review and no finding change', async () => {
    const before = await counts();
    expect(before.lock).toBe(1);
    const { latest } = await readFindingState(t.db, findingId);
    const content = contentColumns(findingDraftSchema.parse(makeContent()), {
      targetOrgan: '',
      origin: '',
      species: '',
    });
    const common = { findingId, lockVersion: 0, actorId: curator.id };
    const event = [{ action: 'test.event', detail: {} }];
    expect(
      await writeSave(t.db, {
        ...common,
        target: { newRevision: true, revisionNo: latest.revisionNo + 1, basedOn: latest.id },
        content,
        changeSummary: 'stale',
        editSession: null,
        listing: true,
        events: event,
      }),
    ).toBeNull();
    expect(
      await writeSubmit(t.db, {
        ...common,
        revisionId: latest.id,
        changeSummary: 'stale',
        evidenceAnchor: null,
        evidenceVerified: null,
        events: event,
      }),
    ).toBeNull();
    expect(
      await writeDecision(t.db, {
        ...common,
        revisionId: latest.id,
        decision: 'approve',
        comment: '',
        next: 'approved',
        publishes: true,
        listed: latest.id,
        events: event,
      }),
    ).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('a current one stores the content as given, starts the revision, audits it and lists it, in one statement', async () => {
    const before = await counts();
    const state = await readFindingState(t.db, findingId);
    const draft = findingDraftSchema.parse(
      makeContent({ result: 'Written by one statement.', mechanism: ['a "quoted", {braced} word'] }),
    );
    const row = await writeSave(t.db, {
      findingId,
      lockVersion: before.lock,
      actorId: curator.id,
      target: { newRevision: true, revisionNo: state.latest.revisionNo + 1, basedOn: state.latest.id },
      content: contentColumns(draft, { targetOrgan: 'Bone', origin: '', species: 'Mouse' }),
      changeSummary: 'one statement',
      editSession: 'sitting-2',
      listing: true,
      events: [{ action: 'finding.revision_start', detail: { test: true } }],
    });
    expect(row).toEqual({ lockVersion: before.lock + 1, revisionId: expect.any(Number) });
    const after = await readFindingState(t.db, findingId);
    expect(after.f.latestRevisionId).toBe(row!.revisionId);
    expect(revisionToContent(after.latest as FindingRevision)).toEqual(revisionToContent({ ...draft }));
    expect(after.latest).toMatchObject({
      editSession: 'sitting-2',
      changeSummary: 'one statement',
      basedOnRevisionId: state.latest.id,
    });
    expect(await counts()).toEqual({
      ...before,
      revs: before.revs + 1,
      events: before.events + 1,
      lock: before.lock + 1,
    });
    const [listed] = await t.query<{ cargo_text: string; hit: boolean }>(
      `select cargo_text, search @@ plainto_tsquery('english', 'statement') as hit from findings where id = $1`,
      [findingId],
    );
    expect(listed).toEqual({ cargo_text: draft.cargo.map((c) => c.name).join('; '), hit: true });
  });
});
