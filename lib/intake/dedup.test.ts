import { describe, expect, it } from 'vitest';
import { type DedupRecord, dedupKeys, findDuplicates, jaccard, type SeenRecord } from './dedup';

const rec = (p: Partial<DedupRecord>): DedupRecord => ({
  title: 'Muscle extracellular vesicles carry myokines',
  year: 2021,
  firstAuthor: 'smith',
  doi: null,
  pmid: null,
  pmcid: null,
  isPreprint: false,
  ...p,
});
const seen = (id: string, p: Partial<DedupRecord>): SeenRecord => ({ id, ...rec(p) });

describe('dedupKeys', () => {
  it('builds the title and title|year|author keys', () => {
    expect(dedupKeys(rec({ title: 'Muscle <i>EVs</i>!', year: 2020 }))).toEqual({
      doi: null,
      pmid: null,
      pmcid: null,
      titleKey: 'muscle evs',
      tyaKey: 'muscle evs|2020|smith',
    });
    expect(dedupKeys(rec({ title: 'X', year: null, firstAuthor: '' })).tyaKey).toBe('x||');
  });
});

describe('findDuplicates', () => {
  it('matches by DOI, PMID, PMCID in that order against seen records', () => {
    const s = [
      seen('a', { doi: '10.1000/a', title: 'A' }),
      seen('b', { pmid: '123', title: 'B' }),
      seen('c', { pmcid: 'PMC9', title: 'C' }),
    ];
    const r = findDuplicates(
      [
        rec({ doi: '10.1000/a', pmid: '123', title: 'Other' }),
        rec({ pmid: '123', title: 'Other 2' }),
        rec({ pmcid: 'PMC9', title: 'Other 3' }),
      ],
      s,
    );
    expect(r).toEqual([
      { kind: 'duplicate', of: { seen: 'a' }, by: 'doi' },
      { kind: 'duplicate', of: { seen: 'b' }, by: 'pmid' },
      { kind: 'duplicate', of: { seen: 'c' }, by: 'pmcid' },
    ]);
  });

  it('finds duplicates inside the incoming batch, and follows a duplicate’s extra identifiers to the original', () => {
    const r = findDuplicates(
      [
        rec({ doi: '10.1000/x', title: 'One' }),
        rec({ doi: '10.1000/x', pmid: '77', title: 'One again' }),
        rec({ pmid: '77', title: 'Three' }),
      ],
      [],
    );
    expect(r).toEqual([
      { kind: 'new' },
      { kind: 'duplicate', of: { incoming: 0 }, by: 'doi' },
      { kind: 'duplicate', of: { incoming: 0 }, by: 'pmid' },
    ]);
  });

  it('treats titles differing only in punctuation, case, diacritics or tags as the same (same year and author)', () => {
    const s = [seen('s1', { title: 'Müller glia release <i>exosomes</i>: a TGF-β story' })];
    const r = findDuplicates([rec({ title: 'MULLER GLIA RELEASE EXOSOMES - A TGF-beta STORY' })], s);
    expect(r).toEqual([{ kind: 'duplicate', of: { seen: 's1' }, by: 'title_year_author' }]);
  });

  it('does not merge the same title in years far apart, or by a different first author', () => {
    const s = [seen('old', { title: 'Editorial', year: 2010 })];
    expect(findDuplicates([rec({ title: 'Editorial', year: 2021 })], s)).toEqual([{ kind: 'new' }]);
    expect(findDuplicates([rec({ title: 'Editorial', year: 2010, firstAuthor: 'jones' })], s)).toEqual([
      { kind: 'new' },
    ]);
    expect(findDuplicates([rec({ title: 'Editorial', year: 2011 })], s)).toEqual([{ kind: 'new' }]);
  });

  it('links an incoming preprint to the seen published paper as a version (bioRxiv)', () => {
    const s = [seen('pub', { doi: '10.1002/jev2.1', year: 2021 })];
    const r = findDuplicates(
      [rec({ doi: '10.1101/2020.05.01.000001', isPreprint: true, year: 2020, firstAuthor: 'smith' })],
      s,
    );
    expect(r).toEqual([{ kind: 'version', of: { seen: 'pub' }, by: 'preprint' }]);
  });

  it.each(['10.21203/rs.3.rs-1/v1', '10.20944/preprints202001.0001.v1', '10.48550/arxiv.2001.00001', '10.1101/123456'])(
    'an incoming published paper supersedes a seen preprint (%s)',
    (doi) => {
      const s = [seen('pre', { doi, isPreprint: true, year: 2019 })];
      expect(findDuplicates([rec({ doi: '10.1002/jev2.2', year: 2021 })], s)).toEqual([
        { kind: 'supersedes', of: { seen: 'pre' }, by: 'preprint' },
      ]);
    },
  );

  it('links a preprint whose title changed slightly (Jaccard ≥ 0.9), not one three years apart or quite different', () => {
    const title = 'Skeletal muscle derived extracellular vesicles carry myokines to adipose tissue in obese mice';
    const s = [seen('pre', { title, isPreprint: true, year: 2020 })];
    const close = 'Skeletal muscle-derived extracellular vesicles carry myokines to the adipose tissue in obese mice';
    expect(findDuplicates([rec({ title: close, year: 2021 })], s)).toEqual([
      { kind: 'supersedes', of: { seen: 'pre' }, by: 'preprint' },
    ]);
    expect(findDuplicates([rec({ title: close, year: 2023 })], s)).toEqual([{ kind: 'new' }]);
    expect(findDuplicates([rec({ title: 'Skeletal muscle derived vesicles in lean rats', year: 2021 })], s)).toEqual([
      { kind: 'new' },
    ]);
  });

  it('finds a near title by the author/year block when the first words differ', () => {
    const s = [
      seen('pre', {
        title: 'The muscle extracellular vesicles carry myokines in mice and in men',
        isPreprint: true,
        year: 2020,
      }),
    ];
    const r = findDuplicates(
      [rec({ title: 'Muscle extracellular vesicles carry myokines in mice and in men', year: 2021 })],
      s,
    );
    expect(r).toEqual([{ kind: 'supersedes', of: { seen: 'pre' }, by: 'preprint' }]);
  });

  it('prefers an exact duplicate over a version, and two preprints of one title are duplicates', () => {
    const s = [seen('pre', { isPreprint: true, year: 2020 }), seen('pub', { year: 2021 })];
    expect(findDuplicates([rec({ year: 2021 })], s)).toEqual([
      { kind: 'duplicate', of: { seen: 'pub' }, by: 'title_year_author' },
    ]);
    expect(findDuplicates([rec({ isPreprint: true, year: 2020 })], s)).toEqual([
      { kind: 'duplicate', of: { seen: 'pre' }, by: 'title_year_author' },
    ]);
  });

  it('handles a preprint/published pair inside one file', () => {
    const r = findDuplicates(
      [rec({ isPreprint: true, year: 2020, doi: '10.1101/2020.01.01.1' }), rec({ doi: '10.1000/j.1' })],
      [],
    );
    expect(r).toEqual([{ kind: 'new' }, { kind: 'supersedes', of: { incoming: 0 }, by: 'preprint' }]);
  });

  it('never matches records without title or identifiers', () => {
    expect(findDuplicates([rec({ title: '' }), rec({ title: '' })], [seen('x', { title: '' })])).toEqual([
      { kind: 'new' },
      { kind: 'new' },
    ]);
  });

  it('is near-linear: 10,000 incoming against 10,000 seen in well under a second or two', () => {
    const mk = (i: number, tag: string) =>
      rec({
        title: `paper ${tag} ${i} on vesicles`,
        year: 2000 + (i % 20),
        firstAuthor: `a${i % 50}`,
        doi: `10.1000/${tag}${i}`,
      });
    const s = Array.from({ length: 10_000 }, (_, i) => ({ id: String(i), ...mk(i, 's') }));
    // Every tenth incoming record is a preprint, so the near-title blocks are searched too.
    const inc = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 ? mk(i, 's') : { ...mk(i, 'n'), isPreprint: i % 10 === 0 },
    );
    const t0 = performance.now();
    const r = findDuplicates(inc, s);
    const ms = performance.now() - t0;
    expect(r.filter((x) => x.kind === 'duplicate')).toHaveLength(5_000);
    expect(r.filter((x) => x.kind === 'new')).toHaveLength(5_000);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('jaccard', () => {
  it('is shared / union', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
