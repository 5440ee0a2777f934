import { describe, expect, it } from 'vitest';
import {
  isReleaseFileName,
  publicOrigin,
  releaseCitation,
  releaseDownloadName,
  releaseFileUrl,
  releaseInputSchema,
  suggestReleaseTag,
  toReleaseDto,
} from './release';

describe('release input', () => {
  it('accepts year.month.number tags and plain-text notes up to 5000 characters', () => {
    expect(releaseInputSchema.parse({ tag: ' 2026.11.0 ', notes: '  Line one\nLine two\t.  ' })).toEqual({
      tag: '2026.11.0',
      notes: 'Line one\nLine two\t.',
    });
    expect(releaseInputSchema.parse({ tag: '2027.1.12' })).toEqual({ tag: '2027.1.12', notes: '' });
    expect(releaseInputSchema.safeParse({ tag: '2026.11.0', notes: 'x'.repeat(5000) }).success).toBe(true);
  });

  it.each([['v1.0'], ['2026.11'], ['2026.011.0'], ['26.11.0'], ['2026.11.0-rc1'], ['2026.0.1'], ['2026.13.0'], ['']])(
    'refuses the tag %j',
    (tag) => {
      expect(releaseInputSchema.safeParse({ tag }).success).toBe(false);
    },
  );

  it('refuses long notes and control characters', () => {
    expect(releaseInputSchema.safeParse({ tag: '2026.11.0', notes: 'x'.repeat(5001) }).success).toBe(false);
    expect(releaseInputSchema.safeParse({ tag: '2026.11.0', notes: 'a\u0000b' }).success).toBe(false);
  });
});

describe('release files and citation', () => {
  it('knows its four files', () => {
    expect(['findings.csv', 'findings.json', 'datapackage.json', 'evidence.jsonld'].every(isReleaseFileName)).toBe(
      true,
    );
    expect(isReleaseFileName('toString')).toBe(false);
    expect(isReleaseFileName('findings.xlsx')).toBe(false);
    expect(releaseDownloadName('2026.11.0', 'findings.csv')).toBe('evx-crosstalk-2026.11.0-findings.csv');
    expect(releaseFileUrl('2026.11.0', 'datapackage.json')).toBe('/api/v1/releases/2026.11.0/datapackage.json');
  });

  it('cites a release with its year, tag, URL and checksum', () => {
    expect(
      releaseCitation(
        { tag: '2026.11.0', createdAt: new Date('2026-11-27T10:00:00Z'), checksum: 'abc123' },
        'https://evx.example.org/',
      ),
    ).toBe(
      'EV Crosstalk Curator contributors (2026). EV Crosstalk Curator dataset, release 2026.11.0 [Data set]. https://evx.example.org/releases/2026.11.0. SHA-256 abc123.',
    );
  });
});

describe('release helpers', () => {
  it('suggests the next tag of the month', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(suggestReleaseTag([], now)).toBe('2026.11.0');
    expect(suggestReleaseTag(['2026.11.0', '2026.11.4', '2026.10.9'], now)).toBe('2026.11.5');
  });

  it('takes the origin from NEXTAUTH_URL, else from the request', () => {
    const h = (o: Record<string, string>) => ({ get: (k: string) => o[k] ?? null });
    expect(publicOrigin('https://evx.example.org/app', h({ host: 'evil.example' }))).toBe('https://evx.example.org');
    expect(publicOrigin(undefined, h({ host: '127.0.0.1:3700' }))).toBe('http://127.0.0.1:3700');
    expect(
      publicOrigin(
        undefined,
        h({ host: 'internal:3000', 'x-forwarded-host': 'evx.example.org', 'x-forwarded-proto': 'https' }),
      ),
    ).toBe('https://evx.example.org');
  });

  it('lists a release with absolute download links and its citation', () => {
    const dto = toReleaseDto(
      {
        tag: '2026.11.0',
        notes: '',
        createdAt: new Date('2026-11-27T10:00:00Z'),
        createdBy: 'Ada Admin',
        findingCount: 33,
        sourceCount: 30,
        checksum: 'ab',
        files: [{ format: 'csv', sha256: 'ab', bytes: 10 }],
      },
      'https://evx.example.org',
    );
    expect(dto).toMatchObject({
      tag: '2026.11.0',
      created_at: '2026-11-27T10:00:00.000Z',
      finding_count: 33,
      checksum: 'ab',
    });
    expect(dto.downloads['findings.csv']).toBe('https://evx.example.org/api/v1/releases/2026.11.0/findings.csv');
    // A release cut before evidence.jsonld existed does not link to it; a newer one does.
    expect(Object.keys(dto.downloads)).toEqual(['findings.csv', 'findings.json', 'datapackage.json']);
    const newer = toReleaseDto(
      {
        ...{ tag: '2026.12.0', notes: '', createdAt: new Date('2026-12-01T10:00:00Z'), createdBy: 'Ada Admin' },
        ...{ findingCount: 1, sourceCount: 1, checksum: 'ab' },
        files: [{ format: 'evidence', sha256: 'cd', bytes: 10 }],
      },
      'https://evx.example.org',
    );
    expect(newer.downloads['evidence.jsonld']).toBe(
      'https://evx.example.org/api/v1/releases/2026.12.0/evidence.jsonld',
    );
    expect(dto.citation).toContain('https://evx.example.org/releases/2026.11.0. SHA-256 ab.');
  });
});
