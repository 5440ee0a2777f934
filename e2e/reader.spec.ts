import AxeBuilder from '@axe-core/playwright';
import { DEMO, expect, signInAs, test } from './fixtures';
import { addSource, pastePaper, selectInReader, SENTENCE_A } from './source-text-kit';

test('the reader: find in text by keyboard, highlights with a legend, a highlighted miRNA added to the cargo of my draft, no serious axe violations', async ({
  browser,
}) => {
  const { context, page } = await signInAs(browser, DEMO.curator);
  const doi = await addSource(page);
  await pastePaper(page, doi);

  // A draft on this source, started from a selected sentence.
  await selectInReader(page, SENTENCE_A);
  await page.getByTestId('use-as-evidence').click();
  await expect(page).toHaveURL(/\/findings\/EVX-\d{6}\/edit$/, { timeout: 15_000 });
  const draft = page.url().match(/EVX-\d{6}/)![0];

  await page.goto(`/sources/${doi}`);
  const reader = page.getByTestId('source-reader');
  await expect(reader.getByTestId('reader-sections')).toContainText('Discussion');

  // "/" jumps to the find box; Enter walks the matches.
  await page.getByTestId('reader-text').focus();
  await page.keyboard.press('/');
  await expect(page.getByTestId('reader-find')).toBeFocused();
  await page.keyboard.type('vesicle');
  await expect(page.getByTestId('reader-find-status')).toContainText(/1 of [3-9]/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-find-status')).toContainText(/2 of [3-9]/);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid=reader-text] mark[data-hit]')).toHaveCount(0);

  // The miRNA is highlighted; with the draft chosen, its popover adds it to the draft's cargo.
  const mirna = page.locator('[data-testid=reader-text] mark[data-type=mirna]').first();
  await expect(mirna).toHaveText('miR-133a');
  await expect(page.getByTestId('reader-legend')).toContainText('miRNA');
  await page.getByLabel('…or for my draft').selectOption(draft);
  await mirna.click();
  const popover = page.getByTestId('term-popover');
  await expect(popover).toBeVisible();
  await popover.locator('[data-testid=term-add][data-field=cargo]').click();
  await page.waitForURL(new RegExp(`/findings/${draft}/edit\\?add=`));
  await expect(page.getByTestId('prefill-notice')).toContainText('Added miR-133a to cargo');
  const form = page.getByRole('form', { name: 'Finding' });
  await expect(form.getByLabel('Name of cargo item 1')).toHaveValue('miR-133a');
  await expect(page.getByTestId('save-status')).toContainText('Saved at', { timeout: 15_000 });
  await page.goto(`/findings/${draft}/edit`);
  await expect(form.getByLabel('Name of cargo item 1')).toHaveValue('miR-133a');

  // An add link naming a field that does not exist is refused with a message, nothing added.
  await page.goto(`/findings/${draft}/edit?add=${encodeURIComponent('password:x')}`);
  await expect(page.getByTestId('prefill-error')).toContainText('names no field');
  await expect(form.getByTestId('cargo-row')).toHaveCount(1);

  await page.goto(`/sources/${doi}`);
  await page.waitForLoadState('networkidle');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.passes.length).toBeGreaterThan(10);
  const blocking = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  await context.close();
});
