import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_NAMES } from './columns';
import type { VocabularySnapshot } from '../vocab/credits';
import { buildDataPackage } from './datapackage';

const LOADED_AT = new Date('2026-11-20T08:00:00Z');
const loaded = (vocab: string, version: string, termCount: number, obsoleteCount = 0) => ({
  vocab,
  version,
  termCount,
  obsoleteCount,
  loadedAt: LOADED_AT,
});
const SNAPSHOT: VocabularySnapshot = {
  loaded: [
    loaded('CL', 'v2026-03-26', 212),
    loaded('ECO', '2024-07-19', 68),
    loaded('UBERON', 'v2099-01-01', 515, 3),
    loaded('miRBase', 'release 22 (22.1 identical)', 11281),
  ],
  local: { terms: 0, obsolete: 0 },
};

describe('datapackage.json', () => {
  const pkg = buildDataPackage({
    tag: '2026.11.0',
    created: new Date('2026-11-27T10:00:00Z'),
    csvSha256: 'ab'.repeat(32),
    csvBytes: 12345,
    vocabularies: SNAPSHOT,
  });

  it('is a data package named evx-crosstalk, versioned by the tag, CC BY 4.0', () => {
    expect(pkg).toMatchObject({
      profile: 'data-package',
      name: 'evx-crosstalk',
      version: '2026.11.0',
      created: '2026-11-27T10:00:00.000Z',
    });
    expect(pkg.licenses[0]).toMatchObject({ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(pkg.sources[0]!.path).toBe('https://doi.org/10.3389/fphys.2024.1501957');
    expect(pkg.title).toContain('2026.11.0');
    expect(pkg.description).toContain('CC BY 4.0');
  });

  it('describes findings.csv: hash, size, dialect and one typed field per export column', () => {
    expect(pkg.resources).toHaveLength(1);
    const r = pkg.resources[0]!;
    expect(r).toMatchObject({
      name: 'findings',
      path: 'findings.csv',
      format: 'csv',
      encoding: 'utf-8',
      hash: `sha256:${'ab'.repeat(32)}`,
      bytes: 12345,
    });
    expect(r.dialect.lineTerminator).toBe('\r\n');
    expect(r.schema.primaryKey).toBe('finding_id');
    expect(r.schema.fields.map((f) => f.name)).toEqual(EXPORT_COLUMN_NAMES);
    const field = (n: string) => r.schema.fields.find((f) => f.name === n)!;
    expect(field('revision').type).toBe('integer');
    expect(field('approved_at').type).toBe('datetime');
    expect(field('ev_cargo')).toMatchObject({ type: 'string' });
    expect(field('ev_cargo').description).toContain('"; "-separated');
    expect(field('result').description).not.toContain('separated');
    for (const f of r.schema.fields) expect(f.description.length).toBeGreaterThan(0);
  });

  it('types the evidence columns (yes / no booleans) and lists evidence.jsonld, hashed, after findings.csv', () => {
    const field = (n: string) => pkg.resources[0].schema.fields.find((f) => f.name === n)!;
    expect(field('evidence_verified')).toMatchObject({ type: 'boolean', trueValues: ['yes'], falseValues: ['no'] });
    expect(field('evidence_start').type).toBe('integer');
    expect(field('evidence_end').type).toBe('integer');
    expect(field('evidence_prefix').type).toBe('string');
    const withEvidence = buildDataPackage({
      tag: '2026.11.0',
      created: new Date('2026-11-27T10:00:00Z'),
      csvSha256: 'ab'.repeat(32),
      csvBytes: 12345,
      evidence: { sha256: 'cd'.repeat(32), bytes: 678 },
      vocabularies: SNAPSHOT,
    });
    expect(withEvidence.resources.map((r) => r.path)).toEqual(['findings.csv', 'evidence.jsonld']);
    expect(withEvidence.resources[1]).toMatchObject({
      name: 'evidence',
      format: 'jsonld',
      mediatype: 'application/ld+json',
      hash: `sha256:${'cd'.repeat(32)}`,
      bytes: 678,
    });
  });

  it('records the loaded vocabularies, in VOCABULARIES order, with the versions of the snapshot (not of the code)', () => {
    expect(pkg.vocabularies).toEqual([
      {
        id: 'UBERON',
        name: 'Uberon multi-species anatomy ontology',
        prefix: 'UBERON',
        version: 'v2099-01-01',
        licence: 'CC BY 3.0',
        licenceUrl: 'https://creativecommons.org/licenses/by/3.0/',
        homepage: 'https://obophenotype.github.io/uberon/',
        terms: 515,
        obsoleteTerms: 3,
        loadedAt: '2026-11-20T08:00:00.000Z',
      },
      expect.objectContaining({ id: 'CL', prefix: 'CL', version: 'v2026-03-26', licence: 'CC BY 4.0', terms: 212 }),
      expect.objectContaining({ id: 'miRBase', prefix: 'mirbase.mature', licenceUrl: null, terms: 11281 }),
      expect.objectContaining({ id: 'ECO', version: '2024-07-19', licence: 'CC0 1.0' }),
    ]);
    expect(pkg.description).toContain('"vocabularies"');
  });

  it('credits each vocabulary as a source, and its licence where a URL is known', () => {
    expect(pkg.sources.slice(1)).toEqual([
      {
        title: 'Uberon multi-species anatomy ontology, v2099-01-01 (licence: CC BY 3.0)',
        path: 'https://obophenotype.github.io/uberon/',
      },
      {
        title: 'Cell Ontology, v2026-03-26 (licence: CC BY 4.0)',
        path: 'https://obophenotype.github.io/cell-ontology/',
      },
      {
        title: 'miRBase mature microRNAs, release 22 (22.1 identical) (licence: not stated in the fetched files)',
        path: 'https://www.mirbase.org/',
      },
      {
        title: 'Evidence & Conclusion Ontology, 2024-07-19 (licence: CC0 1.0)',
        path: 'https://www.evidenceontology.org/',
      },
    ]);
    // miRBase states no licence URL: no licences entry for it.
    expect(pkg.licenses.map((l) => [l.name, l.path])).toEqual([
      ['CC-BY-4.0', 'https://creativecommons.org/licenses/by/4.0/'],
      ['CC-BY-3.0', 'https://creativecommons.org/licenses/by/3.0/'],
      ['CC-BY-4.0', 'https://creativecommons.org/licenses/by/4.0/'],
      ['CC0-1.0', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ]);
    expect(pkg.licenses[1]!.title).toBe(
      'Uberon multi-species anatomy ontology, v2099-01-01: CC BY 3.0 (term ids and labels in the grounded columns)',
    );
    for (const l of pkg.licenses) expect(l.title.length).toBeGreaterThan(0);
  });

  it('lists local terms when there are any, and keeps a loaded vocabulary the code no longer names', () => {
    const p = buildDataPackage({
      tag: '2027.1.0',
      created: new Date('2027-01-05T10:00:00Z'),
      csvSha256: 'cd'.repeat(32),
      csvBytes: 1,
      homepage: 'https://evx.example.org',
      vocabularies: { loaded: [loaded('OLDVOC', '1.0', 7)], local: { terms: 2, obsolete: 1 } },
    });
    expect(p.vocabularies).toEqual([
      expect.objectContaining({ id: 'OLDVOC', version: '1.0', licence: 'not recorded', homepage: null, terms: 7 }),
      expect.objectContaining({
        id: 'EVXT',
        prefix: 'EVXT',
        version: 'as of release 2027.1.0',
        terms: 2,
        obsoleteTerms: 1,
      }),
    ]);
    expect(p.sources.slice(1)).toEqual([
      { title: 'OLDVOC, 1.0 (licence: not recorded)' },
      {
        title: expect.stringMatching(/^EV Crosstalk Curator local terms \(EVXT:…\).*; 2 at this release$/),
        path: 'https://evx.example.org',
      },
    ]);
    // Only the dataset's own licence: neither an unknown vocabulary nor the local terms add one.
    expect(p.licenses).toHaveLength(1);
  });

  it('with no vocabulary loaded, credits the seed data alone', () => {
    const p = buildDataPackage({
      tag: '2026.1.0',
      created: new Date('2026-01-05T10:00:00Z'),
      csvSha256: 'cd'.repeat(32),
      csvBytes: 1,
      vocabularies: { loaded: [], local: { terms: 0, obsolete: 0 } },
    });
    expect(p.vocabularies).toEqual([]);
    expect(p.sources).toHaveLength(1);
    expect(p.licenses).toHaveLength(1);
  });
});
