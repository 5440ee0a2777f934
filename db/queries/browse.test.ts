import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../lib/errors';
import { seedDatabase } from '../seed-lib';
import { makeBrowseQuery, openTestDb, type TestDb, testEngines } from '../test-utils';
import { browseFindings, browsePageStatement, countFindings, type Viewer } from './browse';

describe.each(testEngines())('browsing findings on %s', (engine) => {
  let t: TestDb;
  let total: number;

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedDatabase(t.db);
    // 33 seeded + 7 copies each = 264 approved findings, in groups that share one approved_at
    // (ties the keyset must break by id) and pointing at the seeded revisions.
    await t.query(`
      insert into findings (source_id, status, latest_revision_id, approved_revision_id, created_by, approved_at,
                            target_organ, target_organ_label, origin, direction, species, species_label, study_type, effect_direction, year, doi,
                            cargo_types, cargo_text, search)
      select source_id, status, latest_revision_id, approved_revision_id, created_by, timestamptz '2026-01-01' + (g % 3) * interval '1 day',
             target_organ, target_organ_label, origin, direction, species, species_label, study_type, effect_direction, year, doi,
             cargo_types, cargo_text, search
      from findings, generate_series(1, 7) g`);
    const [row] = await t.query<{ n: number }>(
      `select count(*)::int n from findings where approved_revision_id is not null`,
    );
    total = row!.n;
  });
  afterAll(() => t.dispose());

  async function walk(params: Record<string, string>, viewer: Viewer = null) {
    const seen: number[] = [];
    const sortValues: unknown[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await browseFindings(t.db, makeBrowseQuery({ ...params, ...(cursor ? { cursor } : {}) }), viewer);
      seen.push(...page.rows.map((r) => r.id));
      sortValues.push(
        ...page.rows.map((r) =>
          params.sort === 'year'
            ? (r.year ?? 0)
            : params.sort === 'doi'
              ? r.doi
              : params.sort === 'organ'
                ? r.targetOrgan
                : params.sort === 'species'
                  ? r.species
                  : r.approvedAt?.getTime(),
        ),
      );
      cursor = page.next ?? undefined;
      pages++;
    } while (cursor && pages < 100);
    return { seen, sortValues, pages };
  }

  it.each<Record<string, string>>([
    {},
    { sort: 'year' },
    { sort: 'doi' },
    { sort: 'doi', dir: 'desc' },
    { sort: 'organ' },
    { sort: 'organ', dir: 'desc' },
    { sort: 'species' },
    { dir: 'asc' },
  ])('keyset pages of 50 return every approved finding exactly once, in order (%o)', async (params) => {
    expect(total).toBe(33 * 8);
    const { seen, sortValues, pages } = await walk(params);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 50));
    const desc = params.dir ? params.dir === 'desc' : !['doi', 'organ', 'species'].includes(params.sort ?? '');
    // Organ and species sort by name, in the database's collation: rank each name as the database orders them.
    const column = params.sort === 'organ' ? 'target_organ_label' : params.sort === 'species' ? 'species_label' : null;
    const rank = column
      ? new Map(
          (await t.query<{ v: string }>(`select distinct ${column} as v from finding_revisions order by 1`)).map(
            (r, i) => [r.v as unknown, i],
          ),
        )
      : null;
    const key = (v: unknown) => (rank ? rank.get(v)! : v) as number | string;
    const sorted = [...sortValues].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(sortValues).toEqual(desc ? sorted.reverse() : sorted);
  });

  it('filters: organ + species, cargo type, partial cargo name, full-text, year range, DOI', async () => {
    const bm = await browseFindings(
      t.db,
      makeBrowseQuery({ organ: 'UBERON:0001474', species: 'NCBITaxon:10090', limit: '200' }),
      null,
    );
    const [expected] = await t.query<{ n: number }>(
      `select count(*)::int n from findings where approved_revision_id is not null and target_organ = 'UBERON:0001474' and species = 'NCBITaxon:10090'`,
    );
    expect(bm.rows.length).toBe(expected!.n);
    expect(bm.rows.length).toBeGreaterThan(0);
    expect(bm.rows.every((r) => r.targetOrgan === 'Bone' && r.species === 'Mouse')).toBe(true);
    expect(bm.count).toEqual({ n: expected!.n, exact: true });

    const mirna = await browseFindings(t.db, makeBrowseQuery({ cargoType: 'lipid', limit: '200' }), null);
    expect(mirna.rows.length).toBeGreaterThan(0);
    expect(mirna.rows.every((r) => r.cargo.some((c) => c.type === 'lipid'))).toBe(true);

    const partial = await browseFindings(t.db, makeBrowseQuery({ q: 'miR-133', limit: '200' }), null);
    expect(partial.rows.length).toBe(3 * 8);
    expect(partial.rows.every((r) => r.cargo.some((c) => c.name.startsWith('miR-133')))).toBe(true);

    const words = await browseFindings(t.db, makeBrowseQuery({ q: 'osteogenic differentiation', limit: '200' }), null);
    expect(words.rows.length).toBeGreaterThan(0);
    expect(words.rows.every((r) => /osteogen/i.test(r.result))).toBe(true);

    const years = await browseFindings(t.db, makeBrowseQuery({ yearFrom: '2020', yearTo: '2021', limit: '200' }), null);
    expect(years.rows.every((r) => r.year! >= 2020 && r.year! <= 2021)).toBe(true);
    const byDoi = await browseFindings(
      t.db,
      makeBrowseQuery({ doi: 'https://doi.org/10.1007/S00125-014-3337-2' }),
      null,
    );
    expect(byDoi.rows.map((r) => r.doi)).toEqual(Array(8).fill('10.1007/s00125-014-3337-2'));
  });

  it('rows come with every field as stored, timestamps as Dates (the page maps the driver rows itself)', async () => {
    const page = await browseFindings(t.db, makeBrowseQuery({ cargoType: 'lipid' }), null);
    expect(page.rows.length).toBeGreaterThan(0);
    for (const r of page.rows.slice(0, 5)) {
      const [db] = await t.query<Record<string, unknown>>(
        `select f.public_id, f.status::text as status, r.target_organ_label, r.target_organ, r.cargo, r.revision_no, s.authors, f.year, f.doi,
           floor(extract(epoch from f.approved_at) * 1000)::float8 as approved_ms, floor(extract(epoch from f.updated_at) * 1000)::float8 as updated_ms
         from findings f join finding_revisions r on r.id = f.approved_revision_id join sources s on s.id = f.source_id where f.id = $1`,
        [r.id],
      );
      expect(r).toMatchObject({
        publicId: db!.public_id,
        status: db!.status,
        targetOrgan: db!.target_organ_label,
        targetOrganId: db!.target_organ,
        cargo: db!.cargo,
        revisionNo: db!.revision_no,
        authors: db!.authors,
        year: db!.year,
        doi: db!.doi,
      });
      expect(r.approvedAt).toBeInstanceOf(Date);
      expect(r.approvedAt!.getTime()).toBe(Number(db!.approved_ms));
      expect(r.updatedAt.getTime()).toBe(Number(db!.updated_ms));
      expect(Object.keys(r)).not.toContain('sortValue');
    }
  });

  it('every page is a prepared statement, planned for its values on the server; a transaction reads the same page', async () => {
    const first = await browseFindings(t.db, makeBrowseQuery({}), null);
    const shapes: Record<string, string>[] = [
      {},
      { cursor: first.next! },
      { q: 'osteogenic' },
      { organ: 'UBERON:0001474' },
    ];
    for (const params of shapes)
      expect(
        (await browsePageStatement(t.db, makeBrowseQuery(params), null)).name,
        JSON.stringify(params),
      ).toBeDefined();
    // A value the plan depends on (a term, a search) is planned for that value on every call, never generically.
    if (engine === 'postgres') {
      const [mode] = await t.query<{ plan_cache_mode: string }>('show plan_cache_mode');
      expect(mode?.plan_cache_mode).toBe('force_custom_plan');
    }
    const inTx = await t.db.transaction((tx) => browseFindings(tx, makeBrowseQuery({ cursor: first.next! }), null));
    const outside = await browseFindings(t.db, makeBrowseQuery({ cursor: first.next! }), null);
    expect(inTx.rows.map((r) => r.id)).toEqual(outside.rows.map((r) => r.id));
    expect(inTx.count).toEqual(outside.count);
  });

  it('drafts never appear to anonymous callers; a status filter needs a signed-in curator', async () => {
    await expect(browseFindings(t.db, makeBrowseQuery({ status: 'draft' }), null)).rejects.toBeInstanceOf(DomainError);
    const page = await browseFindings(t.db, makeBrowseQuery({ status: 'approved' }), null);
    expect(page.rows.every((r) => r.approvedAt)).toBe(true);
  });

  it('a malformed cursor is a clear error, not a crash', async () => {
    await expect(browseFindings(t.db, makeBrowseQuery({ cursor: 'bm90LWpzb24' }), null)).rejects.toMatchObject({
      kind: 'invalid',
      field: 'cursor',
    });
  });

  it('counts are exact up to 10 000', async () => {
    expect(await countFindings(t.db, makeBrowseQuery({}), null)).toEqual({ n: total, exact: true });
  });

  it('beyond the exact limit, or when the planner expects many rows, the count is an estimate and says so', async () => {
    await t.query('analyze findings');
    // Counted, but more rows than the exact limit: an estimate, never less than what was counted.
    const capped = await countFindings(t.db, makeBrowseQuery({}), null, {
      exactLimit: 100,
      estimateOnlyAbove: 1_000_000,
    });
    expect(capped.exact).toBe(false);
    expect(capped.n).toBeGreaterThanOrEqual(101);
    // The planner expects more than estimateOnlyAbove: its estimate, no rows counted.
    const estimated = await countFindings(t.db, makeBrowseQuery({}), null, { exactLimit: 100, estimateOnlyAbove: 10 });
    expect(estimated.exact).toBe(false);
    expect(estimated.n).toBeGreaterThan(total / 2);
    expect(estimated.n).toBeLessThan(total * 2);
    // A filter the planner expects few rows for is counted exactly even with a low estimate threshold.
    const rare = await countFindings(t.db, makeBrowseQuery({ doi: '10.9999/no-such-paper' }), null, {
      exactLimit: 100,
      estimateOnlyAbove: 10,
    });
    expect(rare).toEqual({ n: 0, exact: true });
  });
});
