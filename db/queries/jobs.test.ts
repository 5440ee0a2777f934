/**
 * `npm run jobs` below the CLI, on both engines, against a local server answering as Europe PMC and Crossref:
 * which searches and sources are due, each job logged in job_runs (running → ok/failed), a failure reported
 * without stopping the other job, and a source that failed to answer checked again on the next run.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hang, send, startServer } from '../../lib/sourcetext/http-test-kit';
import { countOf, openSeededDb, type TestDb, testEngines } from '../test-utils';
import type { Actor } from './finding-tx';
import { dueSourceChecks, type JobClients, listRecentJobRuns, runJobs } from './jobs';
import { createSavedSearch } from './saved-searches';

const fixture = (name: string) =>
  readFileSync(new URL(`../../lib/literature/fixtures/${name}`, import.meta.url), 'utf8');
const Q = 'exosomes AND myokines';
const search = `/search?query=${encodeURIComponent(Q)}&resultType=core&format=json&pageSize=1000&cursorMark=*`;
const work = (doi: string) => `/works/${encodeURIComponent(doi)}`;
const DAY = 24 * 3600_000;

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer({
    [search]: (res) => send(res, 200, fixture('epmc-search-page1.json')),
    [work('10.5555/retracted.2019.12')]: (res) => send(res, 200, fixture('crossref-retracted.json')),
    [work('10.5555/hang')]: hang,
  });
});
afterAll(() => server.close());

describe.each(testEngines())('scheduled jobs on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let sourceCount: number;
  let hangId: { id: number } = { id: 0 };
  const clients = (): JobClients => ({
    europepmc: { baseUrl: server.baseUrl, timeoutMs: 10_000 },
    crossref: { baseUrl: server.baseUrl, timeoutMs: 300 },
  });

  beforeAll(async () => {
    ({ t, curator } = await openSeededDb(engine));
    await t.query(`insert into sources (doi, metadata_origin) values ('10.5555/retracted.2019.12', 'manual')`);
    [hangId] = (await t.query<{ id: number }>(
      `insert into sources (doi, metadata_origin) values ('10.5555/hang', 'manual') returning id`,
    )) as [{ id: number }];
    sourceCount = await countOf(t, `select count(*) as n from sources`);
    await createSavedSearch(t.db, curator.id, { name: 'Daily', query: Q, schedule: 'daily' });
    await createSavedSearch(t.db, curator.id, { name: 'By hand', query: 'html', schedule: 'manual' });
  });
  afterAll(() => t.dispose());

  it('runs the due search and checks every source; a silent Crossref fails the job, logged, the rest done', async () => {
    const r = await runJobs(t.db, clients());
    expect(r.ok).toBe(false);
    expect(r.reports.map((x) => [x.job, x.status])).toEqual([
      ['searches', 'ok'],
      ['retractions', 'failed'],
    ]);
    expect(r.reports[0]!.message).toBe('1 search(es) due, 1 ran, 2 new candidate(s).');
    expect(r.reports[1]!.message).toMatch(
      new RegExp(
        `^${sourceCount} source\\(s\\) due, ${sourceCount - 1} checked, 2 new notice\\(s\\), 1 newly retracted`,
      ),
    );
    expect(r.reports[1]!.message).toMatch(/1 could not be checked \(timeout\)/);
    expect(r.reports[1]!.summary).toMatchObject({ failed: [{ sourceId: hangId.id, reason: 'timeout' }] });
    expect(await countOf(t, `select count(*) as n from search_runs where trigger = 'schedule' and status = 'ok'`)).toBe(
      1,
    );
    expect(await countOf(t, `select count(*) as n from sources where retracted`)).toBe(1);
    const logged = await listRecentJobRuns(t.db);
    expect(logged.map((j) => [j.job, j.status, j.finishedAt !== null])).toEqual([
      ['retractions', 'failed', true],
      ['searches', 'ok', true],
    ]);
  });

  it('the next run finds nothing due but the source that did not answer; a week later everything is due', async () => {
    expect(await dueSourceChecks(t.db)).toEqual([hangId.id]);
    await t.query(`update sources set doi = '10.5555/not-in-crossref' where id = $1`, [hangId.id]);
    const r = await runJobs(t.db, clients());
    expect(r.ok).toBe(true);
    expect(r.reports.map((x) => x.message)).toEqual([
      '0 search(es) due, 0 ran, 0 new candidate(s).',
      '1 source(s) due, 1 checked, 0 new notice(s), 0 newly retracted, 0 flag(s) raised.',
    ]);
    expect(await dueSourceChecks(t.db)).toEqual([]);
    expect(await dueSourceChecks(t.db, new Date(Date.now() + 8 * DAY))).toHaveLength(sourceCount);
  });

  it('--only runs one job; a service turned off is skipped, not failed', async () => {
    const before = await countOf(t, `select count(*) as n from job_runs`);
    const only = await runJobs(t.db, clients(), { only: 'searches', now: new Date(Date.now() + 2 * DAY) });
    expect(only.reports.map((x) => [x.job, x.status, x.message])).toEqual([
      ['searches', 'ok', '1 search(es) due, 1 ran, 0 new candidate(s).'],
    ]);
    const off = await runJobs(t.db, { europepmc: null, crossref: null });
    expect(off.ok).toBe(true);
    expect(off.reports.map((x) => x.summary)).toEqual([{ skipped: 'off' }, { skipped: 'off' }]);
    expect(await countOf(t, `select count(*) as n from job_runs`)).toBe(before + 3);
  });
});
