import { DEMO, expect, signInAs, test } from './fixtures';

const SEEDED_DOI = '10.1007/s00125-014-3337-2';

test.describe('adding sources by DOI', () => {
  test('an anonymous visitor of /sources/new is sent to sign-in', async ({ page }) => {
    await page.goto('/sources/new');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsources%2Fnew$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('a curator adds a DOI Crossref cannot confirm by hand, lands on the new-finding page, then edits the metadata', async ({
    browser,
  }) => {
    const { context, page } = await signInAs(browser, DEMO.curator);
    const unique = `${Date.now()}`;
    const doi = `10.5555/evx.e2e.${unique}`;
    await page.goto('/sources/new');
    const lookup = page.getByRole('form', { name: 'Look up a DOI' });
    await lookup.getByLabel('DOI', { exact: true }).fill(`HTTPS://DOI.ORG/10.5555/EVX.E2E.${unique}`);
    await lookup.getByRole('button', { name: 'Look up' }).click();

    // e2e runs offline (CROSSREF_API_URL is a closed port): the reason is shown and focus moves to step 2.
    await expect(page.getByTestId('lookup-reason')).toHaveText(
      'Crossref did not answer (offline?) — enter the metadata by hand.',
    );
    await expect(page.getByRole('heading', { name: 'Source details' })).toBeFocused();
    const details = page.getByRole('form', { name: 'Source details' });
    await expect(details.getByLabel('DOI', { exact: true })).toHaveValue(doi);
    await expect(details.getByLabel('DOI', { exact: true })).toHaveAttribute('readonly', '');
    await expect(details.getByLabel('Title')).toHaveValue('');

    // Back to step 1 keeps what was typed.
    await page.getByRole('button', { name: 'Back: change the DOI' }).click();
    await expect(lookup.getByLabel('DOI', { exact: true })).toHaveValue(`HTTPS://DOI.ORG/10.5555/EVX.E2E.${unique}`);
    await expect(lookup.getByLabel('DOI', { exact: true })).toBeFocused();
    await lookup.getByLabel('DOI', { exact: true }).press('Enter');
    await expect(page.getByTestId('lookup-reason')).toBeVisible();

    await details.getByLabel('Title').fill('Skeletal muscle EVs in an end-to-end test');
    await details.getByLabel('Authors').fill('Tester, E., and Runner, P.');
    await details.getByLabel('Journal').fill('J. Playwright');
    await details.getByLabel('Year').fill('2024');
    await details.getByRole('button', { name: 'Save source' }).click();

    // The new-finding page is someone else's: assert where we land, not what it shows.
    await page.waitForURL((url) => url.pathname === '/findings/new');
    expect(new URL(page.url()).searchParams.get('doi')).toBe(doi);

    // The source now exists: looking it up again leads to its page.
    await page.goto('/sources/new');
    await page.getByLabel('DOI', { exact: true }).fill(doi);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.waitForURL((url) => url.pathname === `/sources/${doi}` && url.searchParams.get('existing') === '1');
    await expect(page.getByTestId('existing-notice')).toContainText('already recorded');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skeletal muscle EVs in an end-to-end test');
    await expect(page.getByTestId('citation')).toHaveText(
      `Tester, E., and Runner, P. (2024). Skeletal muscle EVs in an end-to-end test. J. Playwright. doi:${doi}`,
    );
    await expect(page.getByTestId('metadata-origin')).toHaveText('entered by hand');
    const record = page.getByRole('link', { name: 'Record a finding from this source' });
    expect(new URL((await record.getAttribute('href'))!, page.url()).searchParams.get('doi')).toBe(doi);

    // Edit metadata: bad input lands on the fields, good input is saved.
    await page.getByText('Edit metadata', { exact: true }).click();
    const edit = page.getByRole('form', { name: 'Edit metadata' });
    await edit.getByLabel('Year').fill('1700');
    await edit.getByLabel('PMID (optional)').fill('PMC42');
    await edit.getByRole('button', { name: 'Save metadata' }).click();
    await expect(edit.locator('#source-year-error')).toContainText('A year between 1800 and');
    await expect(edit.locator('#source-pmid-error')).toContainText('A PMID is 1–9 digits');
    await edit.getByLabel('Year').fill('2025');
    await edit.getByLabel('Volume, pages').fill('12, 34–56');
    await edit.getByLabel('PMID (optional)').fill('PMID: 31234567');
    await edit.getByRole('button', { name: 'Save metadata' }).click();
    await expect(edit.getByRole('status')).toHaveText('Metadata saved.');
    await expect(page.getByTestId('citation')).toContainText('(2025).');
    await expect(page.getByTestId('citation')).toContainText('J. Playwright 12, 34–56.');
    await page.reload();
    await expect(page.getByTestId('pmid')).toHaveText('31234567');
    await context.close();
  });

  test('a DOI already recorded (a seeded reference) goes to its source page', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.curator);
    await page.goto('/sources/new');
    await page.getByLabel('DOI', { exact: true }).fill(`doi:${SEEDED_DOI}`);
    await page.getByLabel('DOI', { exact: true }).press('Enter');
    await page.waitForURL(
      (url) => url.pathname === `/sources/${SEEDED_DOI}` && url.searchParams.get('existing') === '1',
    );
    await expect(page.getByTestId('existing-notice')).toHaveText(
      'This DOI is already recorded — here is its source page.',
    );
    await expect(page.getByTestId('citation')).toContainText('Aswad, H.');
    await context.close();
  });

  test('a malformed DOI gets a field error linked to the field', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.curator);
    await page.goto('/sources/new');
    const field = page.getByLabel('DOI', { exact: true });
    await field.fill('https://example.org/paper 42');
    await page.getByRole('button', { name: 'Look up' }).click();
    const error = page.locator('#source-lookup-doi-error');
    await expect(error).toContainText('A DOI looks like');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', /source-lookup-doi-error/);
    await expect(field).toBeFocused();

    await field.fill('10.5555/');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(error).toContainText('no suffix');
    await field.fill('');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(error).toContainText('Enter a DOI.');
    await context.close();
  });

  test('bad metadata gives field errors and saves nothing', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.curator);
    const doi = `10.5555/evx.e2e.bad.${Date.now()}`;
    await page.goto('/sources/new');
    await page.getByLabel('DOI', { exact: true }).fill(doi);
    await page.getByRole('button', { name: 'Look up' }).click();
    const details = page.getByRole('form', { name: 'Source details' });
    await details.getByLabel('Authors').fill('<b>x</b>');
    await details.getByLabel('Year').fill('3000');
    await details.getByRole('button', { name: 'Save source' }).click();

    await expect(details.locator('#source-title-error')).toHaveText('Required.');
    await expect(details.locator('#source-authors-error')).toContainText('HTML tags are not allowed');
    await expect(details.locator('#source-year-error')).toContainText('A year between 1800 and');
    await expect(details.getByLabel('Title')).toHaveAttribute('aria-describedby', /source-title-error/);
    await expect(details.getByLabel('Year')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/sources\/new$/);

    const missing = await page.goto(`/sources/${doi}`);
    expect(missing?.status()).toBe(404);
    await context.close();
  });
});
