/**
 * Retraction watch on both engines against a local server answering as Crossref's REST API does (fixtures in
 * lib/literature/fixtures/): a retraction flags every finding of the source once, reaches its curator and
 * reviewer on /notifications, keeps the findings out of the next release (its notes say which and why) until a
 * reviewer overrides through the `release.override` use case, which is audited.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hang, send, startServer } from '../../lib/sourcetext/http-test-kit';
import type { Actor as SessionActor } from '../../server/session';
import { execute } from '../../server/use-case';
import { releaseOverrideUseCase } from '../../server/use-cases/literature-watch';
import { countOf, domainFailure, makeContent, openSeededDb, type TestDb, testEngines } from '../test-utils';
import { createFinding, submitFinding } from './curation';
import { getNotifications } from './discussion';
import type { Actor } from './finding-tx';
import { cutRelease } from './releases';
import { checkSourceUpdates, listSourceUpdates } from './retraction';
import { decide } from './review';

const fixture = (name: string) =>
  readFileSync(new URL(`../../lib/literature/fixtures/${name}`, import.meta.url), 'utf8');
const work = (doi: string) => `/works/${encodeURIComponent(doi)}`;
const RETRACTED = '10.5555/retracted.2019.12';
const CORRECTED = '10.5555/corrected.2021.3';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer({
    [work(RETRACTED)]: (res) => send(res, 200, fixture('crossref-retracted.json')),
    [work(CORRECTED)]: (res) => send(res, 200, fixture('crossref-corrected.json')),
    [work('10.5555/html')]: (res) => send(res, 200, '<!doctype html><title>Bad gateway</title>', 'text/html'),
    [work('10.5555/hang')]: hang,
  });
});
afterAll(() => server.close());

const session = (a: Actor): SessionActor => ({
  ...a,
  email: `${a.id}@example.org`,
  name: `User ${a.id}`,
  via: 'session',
  scope: 'write',
});

describe.each(testEngines())('retraction watch on %s', (engine) => {
  let t: TestDb;
  let people: { curator: Actor; reviewer: Actor; reviewer2: Actor; admin: Actor };
  const src: Record<string, number> = {};
  const found: { retracted: number[]; corrected: number[] } = { retracted: [], corrected: [] };
  const opts = (timeoutMs = 10_000) => ({ baseUrl: server.baseUrl, timeoutMs });

  async function approved(sourceId: number, result: string) {
    const { curator, reviewer } = people;
    const f = await createFinding(t.db, curator, {
      sourceId,
      content: makeContent({ result, recipientCell: `Cells of ${result}` }),
    });
    const s = await submitFinding(t.db, curator, { findingId: f.findingId, lockVersion: 0 });
    await decide(t.db, reviewer, {
      findingId: f.findingId,
      revisionNo: 1,
      lockVersion: s.lockVersion,
      decision: 'approve',
      comment: '',
    });
    return f.findingId;
  }

  beforeAll(async () => {
    const seeded = await openSeededDb(engine);
    t = seeded.t;
    people = seeded;
    const dois: [string, string][] = [
      ['retracted', RETRACTED],
      ['corrected', CORRECTED],
      ['html', '10.5555/html'],
      ['hang', '10.5555/hang'],
    ];
    for (const [key, doi] of dois) {
      const [row] = await t.query<{ id: number }>(
        `insert into sources (doi, title, metadata_origin) values ($1, $2, 'manual') returning id`,
        [doi, `Watched ${key}`],
      );
      src[key] = row!.id;
    }
    found.retracted = [
      await approved(src.retracted!, 'First retracted result.'),
      await approved(src.retracted!, 'Second.'),
    ];
    found.corrected = [await approved(src.corrected!, 'Corrected result.')];
  });
  afterAll(() => t.dispose());

  const flagsOf = (ids: number[]) =>
    t.query<{ finding_id: number; reason: string; note: string; system: boolean; resolved_at: Date | null }>(
      `select f.finding_id, f.reason, f.note, u.is_system as system, f.resolved_at from flags f
       join users u on u.id = f.raised_by where f.finding_id = any($1::int[]) order by f.finding_id, f.id`,
      [ids],
    );

  it('a retraction marks the source, flags each of its findings once, and is audited; a rerun changes nothing', async () => {
    const r = await checkSourceUpdates(t.db, src.retracted!, opts());
    expect(r).toEqual({ ok: true, sourceId: src.retracted, newUpdates: 2, retracted: true, flagged: 2 });
    expect(
      (await t.query<{ retracted: boolean }>(`select retracted from sources where id = $1`, [src.retracted]))[0]!
        .retracted,
    ).toBe(true);
    const flags = await flagsOf(found.retracted);
    expect(flags.map((f) => [f.finding_id, f.reason, f.system, f.resolved_at])).toEqual(
      found.retracted.map((id) => [id, 'retracted', true, null]),
    );
    expect(flags[0]!.note).toBe('Retraction notice doi:10.5555/retraction.2023.1 (2023-05-02)');
    expect((await listSourceUpdates(t.db, src.retracted!)).map((u) => [u.type, u.noticeDoi, u.date])).toEqual([
      ['retraction', '10.5555/retraction.2023.1', '2023-05-02'],
      ['correction', '10.5555/erratum.2020.7', '2020-01'],
    ]);
    const audit = `select count(*) as n from audit_events where action = $1`;
    expect(await countOf(t, audit, ['source.retract'])).toBe(1);
    expect(await countOf(t, audit, ['source.update_found'])).toBe(2);
    expect(
      await countOf(t, `${audit} and entity_id = any($2::text[])`, ['flag.raise', found.retracted.map(String)]),
    ).toBe(2);

    const again = await checkSourceUpdates(t.db, src.retracted!, opts());
    expect(again).toMatchObject({ ok: true, newUpdates: 0, flagged: 0 });
    expect(await flagsOf(found.retracted)).toHaveLength(2);
    expect(await countOf(t, audit, ['source.update_found'])).toBe(2);
  });

  it('a correction is stored only; an expression of concern also raises a flag, never a retraction', async () => {
    const r = await checkSourceUpdates(t.db, src.corrected!, opts());
    expect(r).toMatchObject({ ok: true, newUpdates: 2, retracted: false, flagged: 1 });
    expect((await listSourceUpdates(t.db, src.corrected!)).map((u) => u.type)).toEqual([
      'expression_of_concern',
      'correction',
    ]);
    const flags = await flagsOf(found.corrected);
    expect(flags.map((f) => [f.reason, f.note])).toEqual([
      ['other', 'Expression of concern notice doi:10.5555/eoc.2023.4 (2023)'],
    ]);
    expect(await countOf(t, `select count(*) as n from sources where id = $1 and retracted`, [src.corrected])).toBe(0);
  });

  it('an HTML answer or a silent Crossref: a failure with the reason, nothing stored', async () => {
    const html = await checkSourceUpdates(t.db, src.html!, opts());
    expect(html).toMatchObject({ ok: false, reason: 'bad_response' });
    const silent = await checkSourceUpdates(t.db, src.hang!, opts(300));
    expect(silent).toMatchObject({ ok: false, reason: 'timeout' });
    expect(
      await countOf(t, `select count(*) as n from source_updates where source_id = any($1::int[])`, [
        [src.html, src.hang],
      ]),
    ).toBe(0);
  });

  it("the findings' curator and reviewer see the retraction on /notifications, others do not", async () => {
    for (const who of [people.curator, people.reviewer]) {
      const n = await getNotifications(t.db, who, 0);
      expect(n.retractions.map((r) => r.publicId).sort()).toHaveLength(2);
      expect(n.retractions[0]!.note).toMatch(/doi:10\.5555\/retraction\.2023\.1/);
      expect(n.unseen).toBeGreaterThanOrEqual(2);
    }
    expect((await getNotifications(t.db, people.reviewer2, 0)).retractions).toEqual([]);
  });

  it('a release cut afterwards leaves the findings out and says why; a reviewer override (audited) brings one back', async () => {
    const inRelease = (tag: string) =>
      t
        .query<{ finding_id: number }>(
          `select finding_id from release_findings rf join releases r on r.id = rf.release_id where r.tag = $1`,
          [tag],
        )
        .then((rows) => rows.map((x) => x.finding_id));
    const r1 = await cutRelease(t.db, people.admin, { tag: '2030.1.0', notes: 'Monthly release.' });
    const ids1 = await inRelease('2030.1.0');
    expect(ids1).toEqual(expect.arrayContaining(found.corrected));
    expect(ids1.filter((id) => found.retracted.includes(id))).toEqual([]);
    expect(r1.notes).toMatch(/^Monthly release\.\n\nExcluded \(2\): findings from retracted sources/);
    expect(r1.notes).toContain(
      `source doi:${RETRACTED} was retracted (notice doi:10.5555/retraction.2023.1 (2023-05-02))`,
    );

    const [kept, left] = found.retracted as [number, number];
    const comment = 'The retraction concerns Fig. 4 only; this result is from Fig. 2 and was replicated.';
    expect(
      (
        await domainFailure(
          execute(releaseOverrideUseCase, session(people.curator), { findingId: kept, comment }, t.db),
        )
      ).code,
    ).toBe('forbidden:role');
    const empty = await domainFailure(
      execute(releaseOverrideUseCase, session(people.reviewer), { findingId: kept, comment: ' ' }, t.db),
    );
    expect(empty.details?.fields?.comment).toBeTruthy();
    const notRetracted = execute(
      releaseOverrideUseCase,
      session(people.reviewer),
      { findingId: found.corrected[0], comment },
      t.db,
    );
    expect((await domainFailure(notRetracted)).code).toBe('conflict:release');

    const { output } = await execute(
      releaseOverrideUseCase,
      session(people.reviewer),
      { findingId: kept, comment },
      t.db,
    );
    const [event] = await t.query<{
      actor_id: number;
      entity_id: string;
      detail: { overrideId: number; comment: string };
    }>(`select actor_id, entity_id, detail from audit_events where action = 'release.override'`);
    expect(event).toEqual({
      actor_id: people.reviewer.id,
      entity_id: String(kept),
      detail: { overrideId: output.id, comment },
    });
    const twice = execute(releaseOverrideUseCase, session(people.admin), { findingId: kept, comment }, t.db);
    expect((await domainFailure(twice)).code).toBe('conflict:release');

    const r2 = await cutRelease(t.db, people.admin, { tag: '2030.2.0' });
    const ids2 = await inRelease('2030.2.0');
    expect(ids2).toContain(kept);
    expect(ids2).not.toContain(left);
    expect(r2.findingCount).toBe(r1.findingCount + 1);
    expect(r2.notes).toMatch(/^Excluded \(1\)/);
    expect(r2.notes).toContain(`EVX-${String(left).padStart(6, '0')}`);
    expect(r2.notes).not.toContain(`EVX-${String(kept).padStart(6, '0')}`);
  });
});
