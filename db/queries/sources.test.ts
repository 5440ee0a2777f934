import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { zodFields } from '../../lib/errors';
import { DomainError } from '../../lib/errors';
import { fixture } from '../../lib/crossref/crossref-test-kit';
import { LOOKUP_REASONS } from '../../lib/sources/lookup';
import { seedDatabase } from '../seed-lib';
import { countOf, DEMO_PASSWORD, failure, openTestDb, type TestDb, testEngines, userIdByEmail } from '../test-utils';
import { createSource, findSourceByDoi, lookupDoi, updateSourceMetadata } from './sources';

const SEEDED_DOI = '10.1007/s00125-014-3337-2';
const CROSSREF_DOI = '10.5555/evx.crossref-test';

// ---------------------------------------------------------------------------
// A local Crossref stand-in on 127.0.0.1 (real HTTP, no fetch mocking), and a closed port.
// ---------------------------------------------------------------------------

let server: Server;
let crossrefBaseUrl: string;
let closedBaseUrl: string;
const requested: string[] = [];

function send(res: ServerResponse, status: number, body: string, type = 'application/json') {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function listen(s: Server): Promise<number> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === `/works/${encodeURIComponent(CROSSREF_DOI)}`)
      send(res, 200, JSON.stringify({ ...fixture, message: { ...fixture.message, DOI: CROSSREF_DOI.toUpperCase() } }));
    else if (req.url === '/works/10.5555%2Fevx.garbled') send(res, 200, '<!doctype html>', 'text/html');
    else send(res, 404, 'Resource not found.', 'text/plain');
  });
  crossrefBaseUrl = `http://127.0.0.1:${await listen(server)}`;
  // A port that was just free and is closed again: connections are refused at once.
  const probe = createServer();
  const port = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  closedBaseUrl = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

describe.each(testEngines())('sources on %s', (engine) => {
  let t: TestDb;
  let curatorId: number;

  async function auditFor(action: string, entityId: number) {
    return t.query<{ actor_id: number | null; entity: string; detail: Record<string, unknown> }>(
      `select actor_id, entity, detail from audit_events where action = $1 and entity_id = $2 order by id`,
      [action, String(entityId)],
    );
  }

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedDatabase(t.db, { demoPassword: DEMO_PASSWORD });
    curatorId = await userIdByEmail(t, 'curator@example.org');
  });
  afterAll(() => t?.dispose());

  describe('lookupDoi', () => {
    it('finds a seeded reference in any written form, without asking Crossref', async () => {
      const before = requested.length;
      for (const form of [
        `https://doi.org/10.1007/S00125-014-3337-2`,
        `doi:${SEEDED_DOI}`,
        ` ${SEEDED_DOI.toUpperCase()} `,
      ])
        expect(await lookupDoi(t.db, form, { crossrefBaseUrl })).toEqual({ kind: 'existing', doi: SEEDED_DOI });
      expect(requested.length).toBe(before);
      expect((await findSourceByDoi(t.db, 'HTTPS://DX.DOI.ORG/10.1007/S00125-014-3337-2'))?.metadataOrigin).toBe(
        'bundled',
      );
    });

    it('fills in an unknown DOI from Crossref, keeping the DOI as asked', async () => {
      const r = await lookupDoi(t.db, `https://doi.org/${CROSSREF_DOI.toUpperCase()}`, { crossrefBaseUrl });
      expect(r).toEqual({
        kind: 'crossref',
        metadata: {
          doi: CROSSREF_DOI,
          title:
            'Exosomes participate in the alteration of muscle homeostasis during lipid-induced insulin resistance in mice',
          authors: 'Aswad, H., Forterre, A., Wiklander, O. P. B., Vial, G., Danty-Berger, E., Jalabert, A., et al.',
          journal: 'Diabetologia',
          year: 2014,
          volumePages: '57, 2155–2164',
          pmid: null,
        },
      });
      expect(requested.at(-1)).toBe(`/works/${encodeURIComponent(CROSSREF_DOI)}`);
    });

    it('falls back to manual entry with a reason when Crossref is unreachable, unaware, garbled or off', async () => {
      expect(await lookupDoi(t.db, '10.5555/evx.offline', { crossrefBaseUrl: closedBaseUrl })).toEqual({
        kind: 'manual',
        doi: '10.5555/evx.offline',
        reason: 'Crossref did not answer (offline?) — enter the metadata by hand.',
      });
      expect(await lookupDoi(t.db, '10.5555/evx.unknown', { crossrefBaseUrl })).toEqual({
        kind: 'manual',
        doi: '10.5555/evx.unknown',
        reason: 'Crossref has no record of this DOI — check it or enter the metadata by hand.',
      });
      expect(await lookupDoi(t.db, '10.5555/evx.garbled', { crossrefBaseUrl })).toMatchObject({
        kind: 'manual',
        reason: LOOKUP_REASONS.badResponse,
      });
      const before = requested.length;
      expect(await lookupDoi(t.db, '10.5555/evx.off', { crossrefBaseUrl: 'off' })).toMatchObject({
        kind: 'manual',
        reason: LOOKUP_REASONS.off,
      });
      expect(requested.length).toBe(before);
    });

    it('explains a malformed DOI without asking anyone', async () => {
      const before = requested.length;
      for (const bad of ['not a doi', '10.5555/', '10.5555/a\u0000b', '', 'x'.repeat(200_000)]) {
        const r = await lookupDoi(t.db, bad, { crossrefBaseUrl });
        expect(r.kind, JSON.stringify(bad.slice(0, 20))).toBe('invalid');
        if (r.kind === 'invalid') expect(r.message).toMatch(/A DOI looks like/);
      }
      expect(requested.length).toBe(before);
    });
  });

  describe('createSource', () => {
    it('stores a normalized source with its origin and records source.create; a second one is a conflict on doi', async () => {
      const auditBefore = await countOf(t, `select count(*) as n from audit_events where action = 'source.create'`);
      const s = await createSource(
        t.db,
        curatorId,
        {
          doi: 'HTTPS://DOI.ORG/10.5555/EVX.NEW.1',
          title: ' A new paper ',
          authors: 'Doe, J.',
          journal: '',
          year: '2024',
          pmid: 'PMID: 123',
        },
        'manual',
      );
      expect(s).toMatchObject({
        doi: '10.5555/evx.new.1',
        title: 'A new paper',
        authors: 'Doe, J.',
        journal: null,
        year: 2024,
        volumePages: null,
        pmid: '123',
        metadataOrigin: 'manual',
        createdBy: curatorId,
      });
      expect(await auditFor('source.create', s.id)).toEqual([
        { actor_id: curatorId, entity: 'source', detail: { doi: '10.5555/evx.new.1', origin: 'manual' } },
      ]);
      expect(await lookupDoi(t.db, 'doi:10.5555/evx.new.1', { crossrefBaseUrl })).toEqual({
        kind: 'existing',
        doi: '10.5555/evx.new.1',
      });

      const dup = await failure(
        createSource(t.db, curatorId, { doi: '10.5555/Evx.New.1', title: 'Again' }, 'crossref'),
      );
      expect(dup).toBeInstanceOf(DomainError);
      expect(dup).toMatchObject({
        kind: 'conflict',
        entity: 'source',
        field: 'doi',
        message: 'This DOI is already recorded.',
      });
      // A bundled reference is a source too.
      expect(await failure(createSource(t.db, curatorId, { doi: SEEDED_DOI, title: 'Dup' }, 'manual'))).toMatchObject({
        code: 'conflict:source',
        field: 'doi',
      });
      expect(await countOf(t, `select count(*) as n from sources where doi = '10.5555/evx.new.1'`)).toBe(1);
      expect(await countOf(t, `select count(*) as n from audit_events where action = 'source.create'`)).toBe(
        auditBefore + 1,
      );
    });

    it('lets exactly one of two simultaneous adds of a DOI win', async () => {
      const results = await Promise.allSettled(
        ['crossref', 'manual'].map((origin) =>
          createSource(t.db, curatorId, { doi: '10.5555/evx.race', title: 'Race' }, origin as 'crossref' | 'manual'),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [lost] = results.filter((r) => r.status === 'rejected');
      expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict:source', field: 'doi' });
      expect(await countOf(t, `select count(*) as n from sources where doi = '10.5555/evx.race'`)).toBe(1);
    });

    it('refuses bad input with field errors and stores nothing', async () => {
      const sourcesBefore = await countOf(t, `select count(*) as n from sources`);
      const auditBefore = await countOf(t, `select count(*) as n from audit_events`);
      const cases: [Record<string, unknown>, string][] = [
        [{ doi: '10.5555/evx.bad', title: 'Nul\u0000byte' }, 'title'],
        [{ doi: '10.5555/evx.bad', title: 'x'.repeat(200_000) }, 'title'],
        [{ doi: '10.5555/evx.bad', title: 'T', authors: '<script>alert(1)</script>' }, 'authors'],
        [{ doi: '10.5555/evx.b\u0000ad', title: 'T' }, 'doi'],
        [{ doi: '10.5555/evx.bad', title: '' }, 'title'],
        [{ doi: '10.5555/evx.bad', title: 'T', year: 3000 }, 'year'],
        [{ doi: '10.5555/evx.bad', title: 'T', pmid: 'PMC1' }, 'pmid'],
      ];
      for (const [input, field] of cases) {
        const e = await failure(createSource(t.db, curatorId, input as never, 'manual'));
        expect(e, field).toBeInstanceOf(ZodError);
        expect(Object.keys(zodFields((e as ZodError).issues)), field).toEqual([field]);
      }
      expect(
        await failure(createSource(t.db, curatorId, { doi: '10.5555/evx.bad', title: 'T' }, 'bundled' as never)),
      ).toMatchObject({
        code: 'invalid:source',
      });
      expect(await countOf(t, `select count(*) as n from sources`)).toBe(sourcesBefore);
      expect(await countOf(t, `select count(*) as n from audit_events`)).toBe(auditBefore);
    });
  });

  describe('updateSourceMetadata', () => {
    it('changes the bibliographic fields, never the DOI or origin, and records source.update with the changed names', async () => {
      const s = await createSource(
        t.db,
        curatorId,
        { doi: '10.5555/evx.edit', title: 'Draft title', year: '2020' },
        'crossref',
      );
      const { source, changed } = await updateSourceMetadata(t.db, curatorId, s.id, {
        doi: '10.5555/sneaky',
        title: 'Final title',
        journal: 'J. Test',
        year: '2020',
        volumePages: '3, 1–9',
      } as never);
      expect(changed).toEqual(['title', 'journal', 'volumePages']);
      expect(source).toMatchObject({
        doi: '10.5555/evx.edit',
        title: 'Final title',
        journal: 'J. Test',
        year: 2020,
        volumePages: '3, 1–9',
        metadataOrigin: 'crossref',
      });
      expect(source.updatedAt.getTime()).toBeGreaterThanOrEqual(s.updatedAt.getTime());
      expect(await findSourceByDoi(t.db, '10.5555/sneaky')).toBeUndefined();
      expect(await auditFor('source.update', s.id)).toEqual([
        {
          actor_id: curatorId,
          entity: 'source',
          detail: { doi: '10.5555/evx.edit', changed: ['title', 'journal', 'volumePages'] },
        },
      ]);

      // Saving the same values again changes nothing and records nothing.
      const again = await updateSourceMetadata(t.db, curatorId, s.id, {
        title: 'Final title',
        journal: 'J. Test',
        year: 2020,
        volumePages: '3, 1–9',
      });
      expect(again.changed).toEqual([]);
      expect(await auditFor('source.update', s.id)).toHaveLength(1);
    });

    it('keeps a bundled reference bundled; refuses bad input and unknown sources', async () => {
      const seeded = (await findSourceByDoi(t.db, SEEDED_DOI))!;
      const stored = { ...seeded, title: seeded.title ?? '' };
      const r = await updateSourceMetadata(t.db, curatorId, seeded.id, { ...stored, pmid: '25064300' });
      expect(r.changed).toEqual(['pmid']);
      expect(r.source.metadataOrigin).toBe('bundled');

      expect(
        await failure(updateSourceMetadata(t.db, curatorId, seeded.id, { ...stored, title: '<b>x</b>' })),
      ).toBeInstanceOf(ZodError);
      expect(
        await failure(updateSourceMetadata(t.db, curatorId, seeded.id, { ...stored, title: 'a\u0000b' })),
      ).toBeInstanceOf(ZodError);
      expect((await findSourceByDoi(t.db, SEEDED_DOI))!.title).toBe(seeded.title);
      expect(await failure(updateSourceMetadata(t.db, curatorId, 99_999_999, { title: 'T' }))).toMatchObject({
        code: 'not_found:source',
      });
      expect(await auditFor('source.update', seeded.id)).toHaveLength(1);
    });
  });
});
