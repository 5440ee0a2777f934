/**
 * The literature watch UI (issue 13, items 1b and 5). The e2e server runs offline: EUROPEPMC_API_URL and
 * CROSSREF_API_URL point at a closed port on 127.0.0.1 (scripts/e2e-server.mjs), so a run fails with a clear
 * message, nothing is added, and the failed run is listed on the search and on /admin/jobs.
 */
import { DEMO, expect, signInAs, test } from './fixtures';

const QUERY = '"extracellular vesicles" AND "skeletal muscle"';

test('an admin saves a Europe PMC search and runs it: the service is unreachable, the failed run is listed', async ({
  browser,
}) => {
  const { context, page } = await signInAs(browser, DEMO.admin);
  const name = `EV muscle watch ${Date.now()}`;

  await page.goto('/literature');
  await page.getByRole('link', { name: /Saved Europe PMC searches/ }).click();
  await expect(page.getByRole('heading', { name: 'Saved searches', level: 1 })).toBeVisible();

  const form = page.getByRole('form', { name: 'New saved search' });
  // Refused on the field first: a name without a query.
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Save search' }).click();
  await expect(form.locator('#search-query-error')).toHaveText(/query/i);

  await form.getByLabel('Europe PMC query').fill(QUERY);
  await form.getByLabel('From (optional)').fill('2020-01-01');
  await form.getByLabel('Schedule').selectOption('weekly');
  await form.getByRole('button', { name: 'Save search' }).click();
  await expect(form.getByTestId('search-saved')).toHaveText(`Saved “${name}”.`);

  const row = page.locator(`[data-testid="saved-search"][data-search-name="${name}"]`);
  await expect(row).toContainText(QUERY);
  await expect(row).toContainText('2020-01-01 to …');
  await expect(row).toContainText('weekly');
  await expect(row).toContainText('No runs yet.');

  await row.getByRole('button', { name: `Run now: ${name}` }).click();
  const result = row.getByTestId('run-search-result');
  await expect(result).toContainText('Nothing was added', { timeout: 60_000 });
  await expect(row.getByRole('button', { name: `Run now: ${name}` })).toBeEnabled();
  const run = row.getByTestId('search-run');
  await expect(run).toHaveCount(1);
  await expect(run).toHaveAttribute('data-status', 'failed');
  await expect(run).toContainText('Nothing was added');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scheduled jobs' }).click();
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  await expect(page.getByRole('table').filter({ hasText: name })).toContainText('failed');
  await context.close();
});

test('a curator checks a source for retractions: Crossref is unreachable, the message says so', async ({ browser }) => {
  const { context, page } = await signInAs(browser, DEMO.curator);
  await page.goto('/sources/10.1007/s00125-014-3337-2');
  const check = page.getByTestId('check-updates');
  await check.getByRole('button', { name: 'Check for retractions and corrections now' }).click();
  await expect(check.getByTestId('check-updates-result')).toHaveText(/\S/, { timeout: 60_000 });
  await expect(check.getByRole('button', { name: 'Check for retractions and corrections now' })).toBeEnabled();
  await expect(check.getByTestId('check-updates-result')).not.toContainText('Checked Crossref');
  await expect(page.getByTestId('retraction-banner')).toHaveCount(0);
  await context.close();
});
