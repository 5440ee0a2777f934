import { expect, test } from './fixtures';

test.describe('seeded dataset', () => {
  test('the findings list shows the 33 findings of the review, sortable', async ({ page }) => {
    await page.goto('/findings');
    await expect(page.getByTestId('findings-count')).toHaveText('33 approved findings');
    await expect(page.getByTestId('finding-row')).toHaveCount(33);
    await page.getByRole('button', { name: 'Target organ' }).click();
    const firstOrgan = await page.getByTestId('finding-row').first().locator('td').nth(1).textContent();
    expect(firstOrgan).toBe('Adipose tissue');
    await expect(page.getByRole('columnheader', { name: /Target organ/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  test('a finding page shows DOI, citation and revision 1', async ({ page }) => {
    await page.goto('/findings');
    const row = page.getByTestId('finding-row').filter({ hasText: 'miR-92a-3p' });
    await row.getByRole('link', { name: /^EVX-/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('EVX-');
    await expect(page.getByTestId('doi-link')).toHaveAttribute('href', /^https:\/\/doi\.org\/10\./);
    await expect(page.getByTestId('citation')).toContainText('doi:10.');
    const revisions = page.getByTestId('revisions').locator('tbody tr');
    await expect(revisions).toHaveCount(1);
    await expect(revisions.first().locator('td').first()).toHaveText('1');
    await expect(revisions.first()).toContainText('review-table1.csv');
    await expect(page.locator('[data-field="cargo"]')).toContainText('miR-92a-3p (miRNA)');
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
