import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO, expect, newContext, signInAs, test } from './fixtures';
import { focusByName, focusedName, signInByKeyboard } from './keyboard-kit';

// The grounding queue (issue 11, item 5): the seed's grounding left proposals for curators; a curator
// works through them with the keyboard only (page.goto stands in for the address bar).

const openCount = async (page: Page) =>
  Number(((await page.getByTestId('grounding-count').textContent()) ?? '').replace(/\D/g, ''));

test('a curator decides grounding proposals with the keyboard: one term chosen (a revision to review), one dismissed', async ({
  browser,
}) => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signInByKeyboard(page, DEMO.curator);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Grounding queue' }).click();
  await expect(page.getByRole('heading', { name: 'Grounding queue', level: 1 })).toBeVisible();
  const before = await openCount(page);
  expect(before).toBeGreaterThan(1);

  // "Cardiomyocytes" (Hou et al. 2019) is CL's synonym of cardiac muscle cell: choose it.
  const item = page.getByTestId('grounding-proposal').filter({ hasText: '“Cardiomyocytes”' });
  await expect(item).toContainText('Matches by a synonym only');
  const publicId = (await item.getByRole('link', { name: /^EVX-\d{6}$/ }).textContent())!;
  await focusByName(page, 'CL:0000746 cardiac muscle cell');
  await page.keyboard.press('Space');
  await expect(item.getByRole('radio', { name: 'CL:0000746 cardiac muscle cell' })).toBeChecked();
  await focusByName(page, 'Save choice');
  await page.keyboard.press('Enter');
  const status = page.getByTestId('grounding-status');
  await expect(status).toContainText(`${publicId}: “Cardiomyocytes” grounded to cardiac muscle cell (CL:0000746)`);
  await expect(status).toBeFocused();
  await expect(item).toHaveCount(0);
  await expect(page.getByTestId('grounding-count')).toContainText(`${before - 1} open proposal`);

  // The first proposal left: "none of these", reached with the arrow keys from the first candidate.
  const first = page.getByTestId('grounding-proposal').first();
  const text = (await first.locator('legend').textContent())!;
  const candidates = await first.getByRole('radio').count();
  await first.getByRole('radio').first().focus();
  for (let i = 1; i < candidates; i++) await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toMatch(/^None of these/);
  await expect(first.getByRole('radio', { name: /^None of these/ })).toBeChecked();
  await focusByName(page, 'Save choice');
  await page.keyboard.press('Enter');
  await expect(status).toContainText('the text stays ungrounded');
  await expect(page.getByTestId('grounding-proposal').filter({ hasText: text })).toHaveCount(0);
  await expect(page.getByTestId('grounding-count')).toContainText(`${before - 2} open proposal`);

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // The chosen term is a revision awaiting review, by the curator; the approved one stays public.
  await page.goto(`/findings/${publicId}/history`);
  await expect(page.getByTestId('history-row').last()).toContainText('Grounding queue');
  await context.close();
});

test('signed-out visitors are sent to sign in; a curator who saves no choice is told to choose', async ({
  browser,
}) => {
  const anonymous = await (await newContext(browser)).newPage();
  await anonymous.goto('/grounding');
  await expect(anonymous).toHaveURL(/\/sign-in/);

  const { context, page } = await signInAs(browser, DEMO.curator);
  await page.goto('/grounding');
  const first = page.getByTestId('grounding-proposal').first();
  await first.getByRole('button', { name: 'Save choice' }).click();
  await expect(first.getByText('Choose one of the proposed terms, or “none of these”.')).toBeVisible();
  await context.close();
});
