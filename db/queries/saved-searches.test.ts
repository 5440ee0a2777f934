/**
 * Saved searches on both engines against a local server answering as Europe PMC's REST search does
 * (fixtures in lib/literature/fixtures/): a rerun adds only what the search had not found before; an HTML
 * answer or a server that never answers leaves a failed run and adds nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hang, send, startServer } from '../../lib/sourcetext/http-test-kit';
import { countOf, domainFailure, openSeededDb, type TestDb, testEngines } from '../test-utils';
import type { Actor } from './finding-tx';
import {
  createSavedSearch,
  dueSavedSearches,
  listRecentSearchRuns,
  listSavedSearches,
  runSavedSearch,
} from './saved-searches';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../lib/literature/fixtures/${name}`, import.meta.url), 'utf8'));
const page1 = fixture('epmc-search-page1.json');
const page2 = fixture('epmc-search-page2.json');
/** A later answer to the same query: the two records of the first plus one published since. */
const grown = { ...page1, resultList: { result: [...page1.resultList.result, ...page2.resultList.result] } };

const Q = '"extracellular vesicles" AND "skeletal muscle"';
const path = (query: string) =>
  `/search?query=${encodeURIComponent(query)}&resultType=core&format=json&pageSize=1000&cursorMark=*`;

let answers = 0;
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer({
    [path(Q)]: (res) => send(res, 200, JSON.stringify(answers++ === 0 ? page1 : grown)),
    [path('html')]: (res) => send(res, 200, '<!doctype html><title>503 Service Unavailable</title>', 'text/html'),
    [path('hang')]: hang,
  });
});
afterAll(() => server.close());

const opts = () => ({ baseUrl: server.baseUrl, timeoutMs: 10_000 });

describe.each(testEngines())('saved searches on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  const candidates = () => countOf(t, `select count(*) as n from candidates`);

  beforeAll(async () => {
    ({ t, curator } = await openSeededDb(engine));
    answers = 0;
  });
  afterAll(() => t.dispose());

  it('validates a new search (query and date window) and audits it', async () => {
    const bad = await domainFailure(
      createSavedSearch(t.db, curator.id, { name: 'x', query: Q, fromDate: 'Feb 2024', schedule: 'hourly' }),
    );
    expect(bad.code).toBe('invalid:search');
    expect(Object.keys(bad.details?.fields ?? {}).sort()).toEqual(['fromDate', 'schedule']);
    const late = await domainFailure(
      createSavedSearch(t.db, curator.id, { name: 'x', query: Q, fromDate: '2024-05-01', toDate: '2024-01-01' }),
    );
    expect(late.details?.fields?.query).toMatch(/starts .* after it ends/);
    const s = await createSavedSearch(t.db, curator.id, { name: 'EV muscle', query: ` ${Q} `, schedule: 'daily' });
    expect(s).toMatchObject({ query: Q, schedule: 'daily', fromDate: null, lastRunAt: null });
    expect(await countOf(t, `select count(*) as n from audit_events where action = 'search.create'`)).toBe(1);
  });

  it('run twice, the second run adds only the record published since; a third adds nothing', async () => {
    const [s] = await listSavedSearches(t.db);
    const first = await runSavedSearch(t.db, curator.id, s!.id, 'manual', opts());
    expect(first).toMatchObject({ ok: true, found: 2, added: 2, alreadySeen: 0, duplicates: 0 });
    expect(await candidates()).toBe(2);

    const second = await runSavedSearch(t.db, curator.id, s!.id, 'schedule', opts());
    expect(second).toMatchObject({ ok: true, found: 3, added: 1, alreadySeen: 2, duplicates: 0 });
    expect(await candidates()).toBe(3);
    const third = await runSavedSearch(t.db, curator.id, s!.id, 'schedule', opts());
    expect(third).toMatchObject({ ok: true, found: 3, added: 0, alreadySeen: 3 });
    expect(await candidates()).toBe(3);

    const rows = await t.query<{ origin: string; run: number; doi: string }>(
      `select origin, search_run_id as run, doi from candidates order by id`,
    );
    expect(rows.map((r) => r.run)).toEqual([first.runId, first.runId, second.runId]);
    expect(rows.every((r) => r.origin === 'search')).toBe(true);
    expect(rows[2]!.doi).toBe('10.5555/endo.2023.77');
    const runs = await listRecentSearchRuns(t.db);
    expect(runs.map((r) => [r.status, r.trigger, r.found, r.added])).toEqual([
      ['ok', 'schedule', 3, 0],
      ['ok', 'schedule', 3, 1],
      ['ok', 'manual', 2, 2],
    ]);
    expect(runs[0]!.message).toMatch(/0 new, 3 already seen in earlier runs/);
    expect(runs.every((r) => r.finishedAt && r.finishedAt >= r.startedAt)).toBe(true);
    const [listed] = await listSavedSearches(t.db);
    expect(listed).toMatchObject({ lastStatus: 'ok', lastAdded: 0 });
    expect(listed!.lastRunAt).not.toBeNull();
  });

  it('an HTML answer or a server that never answers: a failed run with the reason, nothing added', async () => {
    const before = await candidates();
    for (const [query, timeoutMs, said] of [
      ['html', 10_000, /not JSON/],
      ['hang', 300, /did not answer|timed out|too long/i],
    ] as const) {
      const s = await createSavedSearch(t.db, curator.id, { name: query, query });
      const r = await runSavedSearch(t.db, curator.id, s.id, 'manual', { baseUrl: server.baseUrl, timeoutMs });
      expect(r.ok).toBe(false);
      const [run] = await t.query<{ status: string; message: string; added: number; finished: Date | null }>(
        `select status, message, added, finished_at as finished from search_runs where id = $1`,
        [r.runId],
      );
      expect(run).toMatchObject({ status: 'failed', added: 0 });
      expect(run!.message).toMatch(said);
      expect(run!.message).toMatch(/Nothing was added/);
      expect(run!.finished).not.toBeNull();
    }
    expect(await candidates()).toBe(before);
    expect(
      await countOf(
        t,
        `select count(*) as n from candidates where search_run_id in (select id from search_runs where status = 'failed')`,
      ),
    ).toBe(0);
  });

  it('a search is due when its schedule says so, never when it is manual', async () => {
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000).toISOString();
    const make = async (name: string, schedule: string, hoursAgo: number | null) => {
      const s = await createSavedSearch(t.db, curator.id, { name, query: Q, schedule });
      await t.query(`update saved_searches set last_run_at = $2 where id = $1`, [
        s.id,
        hoursAgo === null ? null : at(hoursAgo),
      ]);
      return s.id;
    };
    await t.query(`update saved_searches set schedule = 'manual'`);
    const due = [
      await make('daily old', 'daily', 25),
      await make('weekly never', 'weekly', null),
      await make('weekly old', 'weekly', 24 * 8),
    ];
    await make('daily fresh', 'daily', 2);
    await make('weekly fresh', 'weekly', 24 * 6);
    await make('manual old', 'manual', 24 * 30);
    expect((await dueSavedSearches(t.db)).map((s) => s.id)).toEqual(due);
  });
});
