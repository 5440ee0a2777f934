import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO, expect, signInAs, test } from './fixtures';

const SEEDED_DOI = '10.1007/s00125-014-3337-2';
const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page at `url`; fails on serious or critical violations, listing them. */
async function expectAccessible(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.passes.length, 'axe ran its rules').toBeGreaterThan(10);
  const report = (impacts: (v: (typeof results.violations)[number]) => boolean) =>
    results.violations
      .filter(impacts)
      .flatMap((v) =>
        v.nodes.map(
          (n) =>
            `[${v.impact}] ${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`,
        ),
      );
  const minor = report((v) => !BLOCKING.has(v.impact ?? ''));
  if (minor.length) console.log(`${url} — moderate/minor:\n  ${minor.join('\n  ')}`);
  expect(
    report((v) => BLOCKING.has(v.impact ?? '')),
    `serious or critical axe violations on ${url}`,
  ).toEqual([]);
}

function asRole(email: string, pages: string[]) {
  test.describe(`signed in as ${email}`, () => {
    let session: { context: BrowserContext; page: Page };
    test.beforeAll(async ({ browser }) => {
      session = await signInAs(browser, email);
    });
    test.afterAll(async () => {
      await session.context.close();
    });
    for (const url of pages) {
      test(url, async () => {
        await expectAccessible(session.page, url);
      });
    }
  });
}

test.describe('accessibility (axe, WCAG 2 A/AA)', () => {
  test.describe('anonymous', () => {
    for (const url of [
      '/',
      '/findings',
      '/findings/EVX-000001',
      '/findings/EVX-000001/history',
      `/sources/${SEEDED_DOI}`,
      '/sign-in',
      '/map',
      '/releases',
      '/about',
    ]) {
      test(url, async ({ page }) => {
        await expectAccessible(page, url);
      });
    }
  });

  asRole(DEMO.curator, [
    '/my-work',
    '/sources/new',
    `/findings/new?doi=${SEEDED_DOI}`,
    '/findings/EVX-000002/edit',
    '/notifications',
    '/import',
  ]);
  asRole(DEMO.reviewer, ['/review']);
  asRole(DEMO.admin, ['/admin/users', '/admin/audit', '/admin/settings', '/releases']);

  test('about: headings in order, the vocabulary table named by its caption, linked from the header', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
    await expect(page).toHaveURL(/\/about$/);
    const levels = await page
      .locator('main')
      .locator('h1, h2, h3')
      .evaluateAll((hs) => hs.map((h) => h.tagName));
    expect(levels[0]).toBe('H1');
    expect(levels.filter((l) => l === 'H1')).toHaveLength(1);
    expect(levels).not.toContain('H3');
    const table = page.getByRole('table', { name: /Vocabularies: source, release and licence/ });
    await expect(table.getByRole('columnheader')).toHaveCount(9);
    const uberon = table.getByRole('row', { name: /Uberon multi-species anatomy ontology/ });
    await expect(uberon.getByRole('rowheader')).toHaveText('Uberon multi-species anatomy ontology');
    await expect(uberon.getByRole('link', { name: 'CC BY 3.0' })).toHaveAttribute(
      'href',
      'https://creativecommons.org/licenses/by/3.0/',
    );
    await expect(uberon.getByRole('cell', { name: '510' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Jia et al\. \(2025\)/ })).toHaveAttribute(
      'href',
      'https://doi.org/10.3389/fphys.2024.1501957',
    );
  });

  test('form errors stay accessible once shown', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.curator);
    await page.goto(`/findings/new?doi=${SEEDED_DOI}`);
    await page.getByRole('button', { name: 'Add cargo item' }).click();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.locator('#targetOrgan-error')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const blocking = results.violations
      .filter((v) => BLOCKING.has(v.impact ?? ''))
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    expect(blocking).toEqual([]);
    await context.close();
  });
});
