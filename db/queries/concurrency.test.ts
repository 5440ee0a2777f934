import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors';
import { revisionToContent } from '../../lib/finding/from-row';
import type { FindingRevision } from '../schema';
import { seedDatabase } from '../seed-lib';
import { countOf, openTestDb, type TestDb, testEngines } from '../test-utils';
import { type Actor, saveDraft, submitFinding } from './curation';
import { decide } from './review';

/**
 * Optimistic locking under real concurrency: many editors, one finding, the same
 * lock version. On the server the calls run in parallel on a pool of 20
 * connections (they queue on the finding's row lock); PGlite runs them one after
 * another — the outcome must be the same.
 */
const RACERS = 64;
const ROUNDS = 64;
const PER_ROUND = 4;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe.each(testEngines())('concurrent edits of one finding on %s', (engine) => {
  let t: TestDb;
  let curators: Actor[];
  let reviewer: Actor;
  let findingId: number;
  const finding = async () =>
    (
      await t.query<{ lock: number; status: string; latest: number; approved: number | null }>(
        `select lock_version as lock, status, latest_revision_id as latest, approved_revision_id as approved from findings where id = $1`,
        [findingId],
      )
    )[0]!;
  const revisions = () => countOf(t, `select count(*) as n from finding_revisions where finding_id = $1`, [findingId]);
  const revisionStarts = () =>
    countOf(
      t,
      `select count(*) as n from audit_events where entity = 'finding' and entity_id = $1 and action = 'finding.revision_start'`,
      [String(findingId)],
    );
  /** The content of the latest revision with a new result: a valid submission. */
  const contentFor = async (tag: string) => {
    const [rev] = await t.query<Record<string, unknown>>(
      `select r.target_organ as "targetOrgan", r.origin, r.direction, r.species, r.ev_source as "evSource", r.cargo, r.recipient_cell as "recipientCell",
         r.model_disease as "modelDisease", r.result, r.study_type as "studyType", r.effect_direction as "effectDirection", r.mechanism,
         r.ev_type as "evType", r.separation_methods as "separationMethods", r.particle_analysis as "particleAnalysis", r.em_methods as "emMethods",
         r.markers_positive as "markersPositive", r.markers_negative as "markersNegative", r.evidence_quote as "evidenceQuote",
         r.evidence_location as "evidenceLocation", r.curator_note as "curatorNote"
       from findings f join finding_revisions r on r.id = f.latest_revision_id where f.id = $1`,
      [findingId],
    );
    const c = revisionToContent(rev as unknown as FindingRevision);
    return { ...c, result: `${c.result.replace(/ \[edit .*\]$/, '')} [edit ${tag}]` };
  };

  beforeAll(async () => {
    t = await openTestDb(engine, { max: 20 });
    // Without grounding (db/grounding.ts): each seeded finding keeps its one revision, which the races count from.
    await seedDatabase(t.db, { ground: false });
    // Distinct curators, so that no two racers share a draft (a curator's own draft would merge their saves).
    const users = await t.query<{ id: number }>(
      `insert into users (email, name, role) select 'racer' || i || '@example.org', 'Racer ' || i, 'curator'::role from generate_series(1, ${RACERS + PER_ROUND}) i returning id`,
    );
    curators = users.map((u) => ({ id: u.id, role: 'curator' as const }));
    const [r] = await t.query<{ id: number }>(
      `insert into users (email, name, role) values ('race.reviewer@example.org', 'Race Reviewer', 'reviewer') returning id`,
    );
    reviewer = { id: r!.id, role: 'reviewer' };
    const [f] = await t.query<{ id: number }>(`select id from findings where status = 'approved' order by id limit 1`);
    findingId = f!.id;
  });
  afterAll(() => t?.dispose());

  it(`${RACERS} editors save with the same lock version: exactly one wins, the rest get a conflict, nothing is lost`, async () => {
    const start = await finding();
    const revsBefore = await revisions();
    const startsBefore = await revisionStarts();
    expect(start.status).toBe('approved');
    const content = await contentFor('race');

    const outcomes = await Promise.all(
      curators.slice(0, RACERS).map((actor, i) =>
        settle(
          saveDraft(t.db, actor, {
            findingId,
            lockVersion: start.lock,
            content: { ...content, result: `${content.result} #${i}` },
            changeSummary: `Racer ${i}`,
          }),
        ),
      ),
    );
    const wins = outcomes.flatMap((o, i) => (o.ok ? [{ i, ...o.value }] : []));
    const losses = outcomes.filter((o): o is { ok: false; error: unknown } => !o.ok);
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(RACERS - 1);
    for (const l of losses) {
      expect(l.error).toBeInstanceOf(DomainError);
      expect((l.error as DomainError).kind).toBe('conflict');
    }
    const win = wins[0]!;
    expect(win.lockVersion).toBe(start.lock + 1);
    expect(win.created).toBe(true);

    const end = await finding();
    expect(end.lock).toBe(start.lock + 1);
    expect(end.latest).toBe(win.revisionId);
    expect(end.approved).toBe(start.approved); // the approved revision stays public
    expect(await revisions()).toBe(revsBefore + wins.length);
    expect(revsBefore).toBe(1);
    // The winner's text, by the winner, is what was stored.
    const [stored] = await t.query<{ author: number; result: string }>(
      `select author_id as author, result from finding_revisions where id = $1`,
      [win.revisionId],
    );
    expect(stored).toEqual({ author: curators[win.i]!.id, result: `${content.result} #${win.i}` });
    // The audit log: one revision_start per created revision, nothing for the losers.
    expect((await revisionStarts()) - startsBefore).toBe(wins.length);

    // Put the finding back in circulation for the chain: the winner submits, a reviewer approves.
    const sub = await submitFinding(t.db, curators[win.i]!, { findingId, lockVersion: win.lockVersion });
    await decide(t.db, reviewer, {
      findingId,
      revisionNo: sub.revisionNo,
      lockVersion: sub.lockVersion,
      decision: 'approve',
      comment: '',
    });
  }, 120_000);

  it(`${ROUNDS} rounds of ${PER_ROUND} racers on the current lock version: one winner per round, every lock bump accounted for`, async () => {
    const start = await finding();
    const revsBefore = await revisions();
    const startsBefore = await revisionStarts();
    let lock = start.lock;
    let winners = 0;
    let conflicts = 0;
    let otherTx = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Four different curators each round (rotating through the pool), all eligible to edit the approved finding.
      const racers = Array.from({ length: PER_ROUND }, (_, k) => curators[(round * PER_ROUND + k) % curators.length]!);
      const content = await contentFor(`round ${round}`);
      const outcomes = await Promise.all(
        racers.map((actor, k) =>
          settle(
            saveDraft(t.db, actor, {
              findingId,
              lockVersion: lock,
              content: { ...content, result: `${content.result} #${k}` },
              changeSummary: `Round ${round}`,
            }),
          ),
        ),
      );
      const wins = outcomes.flatMap((o, k) => (o.ok ? [{ k, ...o.value }] : []));
      expect(wins, `round ${round}`).toHaveLength(1);
      for (const o of outcomes) if (!o.ok) expect((o.error as DomainError).kind, `round ${round}`).toBe('conflict');
      conflicts += outcomes.length - wins.length;
      winners++;
      const win = wins[0]!;
      expect(win.lockVersion).toBe(lock + 1);
      // The winner submits and a reviewer approves, so the next round starts from an approved finding again.
      const sub = await submitFinding(t.db, racers[win.k]!, { findingId, lockVersion: win.lockVersion });
      const dec = await decide(t.db, reviewer, {
        findingId,
        revisionNo: sub.revisionNo,
        lockVersion: sub.lockVersion,
        decision: 'approve',
        comment: '',
      });
      otherTx += 2;
      expect(dec.lockVersion).toBe(lock + 3);
      lock = dec.lockVersion;
    }
    const end = await finding();
    expect(winners).toBe(ROUNDS);
    expect(conflicts).toBe(ROUNDS * (PER_ROUND - 1));
    // Each successful transaction bumped the lock version exactly once: the race winners, then submit + approve per round.
    expect(end.lock).toBe(start.lock + winners + otherTx);
    expect(end.status).toBe('approved');
    expect(end.approved).toBe(end.latest);
    expect(await revisions()).toBe(revsBefore + winners);
    expect((await revisionStarts()) - startsBefore).toBe(winners);
    // Revision numbers are gapless: nothing lost, nothing doubled.
    const nos = await t.query<{ no: number }>(
      `select revision_no as no from finding_revisions where finding_id = $1 order by revision_no`,
      [findingId],
    );
    expect(nos.map((r) => r.no)).toEqual(Array.from({ length: revsBefore + winners }, (_, i) => i + 1));
  }, 300_000);
});
