import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataPackage } from '../../lib/export/datapackage';
import type { EvidenceCollection } from '../../lib/export/evidence-jsonld';
import { evidenceCollectionShape } from '../../lib/export/evidence-test-kit';
import { RELEASE_FILES, toReleaseDto } from '../../lib/export/release';
import { openSeededDb, type TestDb, testEngines } from '../test-utils';
import type { Actor } from './curation';
import { givenEvidence, QUOTE } from './evidence-export-test-kit';
import { cutRelease, getReleaseFile, listReleases } from './releases';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const ORIGIN = 'https://evx.example.org';

describe.each(testEngines())('a release’s evidence.jsonld on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let reviewer: Actor;
  let admin: Actor;

  beforeAll(async () => {
    ({ t, curator, reviewer, admin } = await openSeededDb(engine));
  });
  afterAll(() => t.dispose());

  it('publishes the anchored quote as a W3C Web Annotation with the stored selectors, listed and stored like the other files', async () => {
    const given = await givenEvidence(t, curator, reviewer, '10.5555/evidence.2');
    const release = await cutRelease(t.db, admin, { tag: '2026.12.0' }, { origin: ORIGIN });

    const file = (await getReleaseFile(t.db, '2026.12.0', 'evidence'))!;
    expect(file.contentType).toBe(RELEASE_FILES['evidence.jsonld'].contentType);
    expect(sha256(file.body)).toBe(file.sha256);
    const collection = JSON.parse(file.body.toString('utf8')) as EvidenceCollection;
    expect(evidenceCollectionShape.safeParse(collection).error).toBeUndefined();
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.id).toBe(`${ORIGIN}/api/v1/releases/2026.12.0/evidence.jsonld`);

    const items = collection.first.items;
    expect(collection.total).toBe(items.length);
    const anchored = items.find((a) => a.id === `${ORIGIN}/findings/${given.anchored.publicId}#evidence`)!;
    const stored = given.anchored.anchor!;
    expect(anchored.body.source).toBe(`${ORIGIN}/findings/${given.anchored.publicId}`);
    expect(anchored.target).toEqual({
      source: 'https://doi.org/10.5555/evidence.2',
      selector: [stored.quote, stored.position],
      'evx:snapshotSha256': given.sha256,
      'evx:verified': true,
    });
    expect(stored.quote.exact).toBe(QUOTE);
    const typed = items.find((a) => a.id === `${ORIGIN}/findings/${given.typed.publicId}#evidence`)!;
    expect(typed.target).toEqual({
      source: 'https://doi.org/10.5555/evidence.2',
      selector: [{ type: 'TextQuoteSelector', exact: '-Typed from Fig. 3, "panel b"' }],
      'evx:verified': false,
    });
    // Every annotation is a finding of the release that has a quote; none without one.
    const [withQuote] = await t.query<{ n: number }>(
      `select count(*)::int as n from release_findings rf join finding_revisions r on r.id = rf.revision_id
       join releases rl on rl.id = rf.release_id where rl.tag = '2026.12.0' and btrim(r.evidence_quote) <> ''`,
    );
    expect(items).toHaveLength(withQuote!.n);

    // Listed with its checksum and size, linked for download, and described in datapackage.json.
    const listed = (await listReleases(t.db)).find((r) => r.tag === '2026.12.0')!;
    expect(listed.files.find((f) => f.format === 'evidence')).toEqual({
      format: 'evidence',
      sha256: file.sha256,
      bytes: file.body.length,
    });
    expect(toReleaseDto(release, ORIGIN).downloads['evidence.jsonld']).toBe(
      `${ORIGIN}/api/v1/releases/2026.12.0/evidence.jsonld`,
    );
    const pkg = JSON.parse(
      (await getReleaseFile(t.db, '2026.12.0', 'datapackage'))!.body.toString('utf8'),
    ) as DataPackage;
    expect(pkg.resources[1]).toMatchObject({
      path: 'evidence.jsonld',
      hash: `sha256:${file.sha256}`,
      bytes: file.body.length,
    });

    // Stored once: the database refuses to change it.
    await expect(t.query(`update release_files set body = 'x'::bytea where format = 'evidence'`)).rejects.toThrow(
      /append-only/,
    );
  });
});
