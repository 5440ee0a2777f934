import { parse } from 'csv-parse/sync';
import { EXPORT_COLUMN_NAMES } from '../lib/export/columns';
import { expect, test } from './fixtures';

test.describe('seeded dataset', () => {
  test('the findings list shows the 33 findings of the review, sortable', async ({ page }) => {
    await page.goto('/findings');
    await expect(page.getByTestId('findings-count')).toHaveText('33 approved findings');
    await expect(page.getByTestId('finding-row')).toHaveCount(33);
    await page.getByTestId('sort-reference').click();
    await expect(page).toHaveURL(/sort=year/);
    const years = (await page.getByTestId('finding-row').locator('[data-col="reference"]').allTextContents()).map((t) =>
      Number(t.match(/\((\d{4})\)/)![1]),
    );
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await expect(page.getByRole('columnheader', { name: /Reference/ })).toHaveAttribute('aria-sort', 'descending');
  });

  test('a finding page shows DOI, citation, revision 1 from Table 1 and the grounding revision', async ({ page }) => {
    await page.goto('/findings');
    const row = page.getByTestId('finding-row').filter({ hasText: 'miR-92a-3p' });
    await row.getByRole('link', { name: /^EVX-/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('EVX-');
    await expect(page.getByTestId('doi-link')).toHaveAttribute('href', /^https:\/\/doi\.org\/10\./);
    await expect(page.getByTestId('citation')).toContainText('doi:10.');
    // Revision 1 is Table 1 as published; the seed's grounding added revision 2 (its miRNA's miRBase accession).
    const revisions = page.getByTestId('revisions').locator('tbody tr');
    await expect(revisions).toHaveCount(2);
    const imported = revisions.filter({ hasText: 'review-table1.csv' });
    await expect(imported.locator('td').first()).toHaveText('1');
    await expect(page.locator('[data-field="cargo"]')).toContainText('miR-92a-3p (miRNA) mirbase.mature:MIMAT0000539');
  });

  test('a source page lists its findings; unknown ids give a 404 page', async ({ page }) => {
    await page.goto('/sources/10.1007/s00125-014-3337-2');
    await expect(page.getByTestId('citation')).toContainText('Aswad, H.');
    await expect(page.getByRole('heading', { name: /Approved findings from this source \(1\)/ })).toBeVisible();
    const missing = await page.goto('/findings/EVX-999999');
    expect(missing?.status()).toBe(404);
    const junk = await page.goto('/findings/%00%3Cscript%3E');
    expect(junk?.status()).toBe(404);
  });

  test('the health endpoint reports the engine and migrations', async ({ request }) => {
    const r = await request.get('/api/health');
    expect(r.status()).toBe(200);
    const body = await r.json();
    expect(body.status).toBe('ok');
    expect(['pglite', 'postgres']).toContain(body.engine);
    expect(body.migrations.upToDate).toBe(true);
  });
});

test.describe('browsing with filters', () => {
  test('filter to Bone + Mouse and search "osteogenic": only the matching seeded findings; the URL reproduces the view', async ({
    page,
    browser,
  }) => {
    await page.goto('/findings');
    const filters = page.getByRole('form', { name: 'Filter findings' });
    // By value: the option's label carries its count ("Bone (5)").
    await filters.getByLabel('Target organ').selectOption('UBERON:0001474');
    await filters.getByLabel('Species').selectOption({ label: 'Mouse' });
    await filters.getByLabel('Search').fill('osteogenic');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/organ=UBERON%3A0001474/);
    await expect(page).toHaveURL(/species=NCBITaxon%3A10090/);
    await expect(page).toHaveURL(/q=osteogenic/);
    const rows = page.getByTestId('finding-row');
    await expect(rows.first()).toBeVisible();
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      await expect(row.locator('[data-col="targetOrgan"]')).toHaveText('Bone');
      await expect(row.locator('[data-col="species"]')).toHaveText('Mouse');
      await expect(row.locator('[data-col="result"]')).toContainText(/osteogen/i);
    }
    await expect(page.getByTestId('findings-count')).toContainText(`${n} finding`);
    const ids = await rows.locator('[data-col="publicId"]').allTextContents();

    const other = await browser.newContext();
    const p2 = await other.newPage();
    await p2.goto(page.url());
    await expect(p2.getByTestId('finding-row')).toHaveCount(n);
    expect(await p2.getByTestId('finding-row').locator('[data-col="publicId"]').allTextContents()).toEqual(ids);
    await expect(p2.getByRole('form', { name: 'Filter findings' }).getByLabel('Search')).toHaveValue('osteogenic');

    // The CSV of this view has the same rows, with the documented columns.
    const href = await p2.getByTestId('export-csv').getAttribute('href');
    const csv = await p2.request.get(href!);
    expect(csv.status()).toBe(200);
    const records = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.finding_id).sort()).toEqual([...ids].sort());
    expect(Object.keys(records[0]!)).toEqual(EXPORT_COLUMN_NAMES);
    await other.close();
  });

  test('a partial cargo name finds its miRNAs; the seeded table fits one page of 50', async ({ page }) => {
    await page.goto('/findings?q=miR-133');
    const cargo = await page.getByTestId('finding-row').locator('[data-col="cargo"]').allTextContents();
    expect(cargo.length).toBeGreaterThan(0);
    for (const c of cargo) expect(c).toMatch(/miR-133/);

    // Keyset paging over many pages is covered by db/queries/browse.test.ts.
    await page.goto('/findings?sort=year');
    await expect(page.getByTestId('finding-row')).toHaveCount(33);
    await expect(page.getByTestId('next-page')).toHaveCount(0);
  });

  test('bad filter values show a message, never a 500', async ({ page }) => {
    for (const bad of [
      'organ=UBERON:0000000',
      'limit=-5',
      `q=${'x'.repeat(10_000)}`,
      'cursor=%%%',
      'cursor=bm90LWpzb24',
      'yearFrom=abc',
      'doi=notadoi',
    ]) {
      const r = await page.goto(`/findings?${bad}`);
      expect(r?.status(), bad).toBe(200);
      await expect(page.getByTestId('filter-errors')).toBeVisible();
    }
  });
});
