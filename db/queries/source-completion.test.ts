/** An included paper's source completed from Crossref (a local stand-in answering with a recorded work), both engines. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb, testEngines } from '@/db/test-utils';
import { ASWAD, ASWAD_DOI, fixtureText } from '@/lib/crossref/crossref-test-kit';
import { completeSourceFromCrossref } from './source-completion';

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === `/works/${encodeURIComponent(ASWAD_DOI)}`) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(fixtureText);
    }
    res.writeHead(404).end('Resource not found.');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe.each(testEngines())('completeSourceFromCrossref on %s', (engine) => {
  let t: TestDb;
  let userId: number;
  beforeAll(async () => {
    t = await openTestDb(engine);
    [{ id: userId }] = (await t.query<{ id: number }>(
      `insert into users (email, name, role, password_hash) values ('c@example.org', 'C', 'curator', 'x') returning id`,
    )) as [{ id: number }];
  });
  afterAll(() => t.dispose());

  const source = async (doi: string, title: string) =>
    (
      await t.query<{ id: number }>(
        `insert into sources (doi, title, year, metadata_origin) values ($1, $2, 2014, 'manual') returning id`,
        [doi, title],
      )
    )[0]!.id;

  it('fills only what the record left empty, audited as a source update', async () => {
    const id = await source(ASWAD_DOI, 'Title as the RIS record had it');
    expect(await completeSourceFromCrossref(t.db, userId, id, { crossrefBaseUrl: baseUrl })).toEqual({
      completed: ['authors', 'journal', 'volumePages'],
    });
    const [s] = await t.query<{ title: string; journal: string; authors: string }>(
      `select title, journal, authors from sources where id = $1`,
      [id],
    );
    expect(s).toEqual({ title: 'Title as the RIS record had it', journal: ASWAD.journal, authors: ASWAD.authors });
    const [a] = await t.query<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'source.update' and entity_id = $1`,
      [String(id)],
    );
    expect(a!.n).toBe(1);
  });

  it('leaves the source as it was when Crossref does not know the DOI or is switched off', async () => {
    const id = await source('10.5555/unknown.work', 'Only the record');
    expect(await completeSourceFromCrossref(t.db, userId, id, { crossrefBaseUrl: baseUrl })).toMatchObject({
      skipped: expect.stringContaining('10.5555/unknown.work'),
    });
    expect(await completeSourceFromCrossref(t.db, userId, id, { crossrefBaseUrl: 'off' })).toEqual({
      skipped: 'Crossref is switched off',
    });
    const [s] = await t.query<{ journal: string | null }>(`select journal from sources where id = $1`, [id]);
    expect(s!.journal).toBeNull();
  });
});
