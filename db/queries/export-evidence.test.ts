import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unneutralizeCell } from '../../lib/export/columns';
import { EXPORT_FORMATS } from '../../lib/export/encode';
import type { ExportJsonRecord } from '../../lib/export/record';
import { makeBrowseQuery, openSeededDb, type TestDb, testEngines } from '../test-utils';
import type { Actor } from './curation';
import type { ExportSelection } from './export';
import { givenEvidence } from './evidence-export-test-kit';
import { exported, reference } from './export-test-kit';

describe.each(testEngines())('evidence columns of the export on %s', (engine) => {
  let t: TestDb;
  let curator: Actor;
  let reviewer: Actor;
  let given: Awaited<ReturnType<typeof givenEvidence>>;

  beforeAll(async () => {
    ({ t, curator, reviewer } = await openSeededDb(engine));
    given = await givenEvidence(t, curator, reviewer, '10.5555/evidence.1');
  });
  afterAll(() => t.dispose());

  it('exports the stored selectors, the snapshot hash and verified yes / no, in JSON and in CSV', async () => {
    const anchor = given.anchored.anchor!;
    expect(anchor.snapshot.sha256).toBe(given.sha256);
    // The hostile context survived into the stored selectors, so the checks below see it.
    expect(anchor.quote.prefix).toMatch(/^=.*"q"\n/s);
    expect(anchor.quote.suffix).toMatch(/^\+cmd\|"a,b"\n/);
    const selection: ExportSelection = { revisionIds: [given.anchored.revisionId, given.typed.revisionId] };
    const json = JSON.parse(await exported(t, selection, 'json')) as ExportJsonRecord[];
    const byId = new Map(json.map((r) => [r.finding_id, r]));
    expect(byId.get(given.anchored.publicId)).toMatchObject({
      evidence_prefix: anchor.quote.prefix,
      evidence_suffix: anchor.quote.suffix,
      evidence_start: anchor.position.start,
      evidence_end: anchor.position.end,
      evidence_snapshot_sha256: given.sha256,
      evidence_verified: true,
    });
    expect(byId.get(given.typed.publicId)).toMatchObject({
      evidence_prefix: '',
      evidence_suffix: '',
      evidence_start: null,
      evidence_end: null,
      evidence_snapshot_sha256: '',
      evidence_verified: false,
    });
    const csv = (parse(await exported(t, selection, 'csv'), { columns: true }) as Record<string, string>[]).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, unneutralizeCell(v)])),
    );
    const row = (id: string) => csv.find((r) => r.finding_id === id)!;
    expect(row(given.anchored.publicId)).toMatchObject({
      evidence_prefix: anchor.quote.prefix,
      evidence_suffix: anchor.quote.suffix,
      evidence_start: String(anchor.position.start),
      evidence_end: String(anchor.position.end),
      evidence_snapshot_sha256: given.sha256,
      evidence_verified: 'yes',
    });
    expect(row(given.typed.publicId)).toMatchObject({ evidence_start: '', evidence_verified: 'no' });
    // A seeded finding (no quote checked at submission) leaves them empty.
    const seeded = JSON.parse(await exported(t, { query: makeBrowseQuery({}), viewer: null }, 'json'))[0];
    expect(seeded).toMatchObject({ evidence_prefix: '', evidence_start: null, evidence_snapshot_sha256: '' });
  });

  // On PGlite the export is the reference encoder itself; on the server PostgreSQL's COPY writes it.
  it('writes the evidence columns byte for byte alike through COPY and through the TypeScript encoder', async () => {
    const selections: ExportSelection[] = [
      { revisionIds: [given.anchored.revisionId, given.typed.revisionId] },
      { query: makeBrowseQuery({}), viewer: null },
    ];
    for (const selection of selections)
      for (const format of EXPORT_FORMATS)
        for (const bom of format === 'csv' ? [false, true] : [false])
          expect(await exported(t, selection, format, { bom }), `${format} bom=${bom}`).toBe(
            await reference(t, selection, format, { bom }),
          );
  });
});
