import type { Page } from '@playwright/test';
import { DEMO, expect, signInAs, test } from './fixtures';
import {
  acceptanceRis,
  CONFLICT,
  FILE_NAME,
  INCLUDED,
  REASON_A,
  REASON_B,
  screenAll,
  stageCount,
} from './literature-kit';

async function setScreening(page: Page, mode: 'single' | 'dual') {
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByLabel(mode === 'dual' ? 'Dual screening, blinded' : 'Single screening', { exact: true }).check();
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');
}

async function toScreenOnDashboard(page: Page): Promise<number> {
  await page.goto('/literature');
  const text = await page.getByTestId('queue-screen').innerText();
  return Number(/\(([\d,]+) to screen\)/.exec(text)![1]!.replace(/,/g, ''));
}

test.describe('literature intake to curation (issue 13 acceptance)', () => {
  test.setTimeout(300_000);

  test('upload 30 records with 5 duplicates, screen blind in dual mode, resolve a conflict, assign, count', async ({
    browser,
  }) => {
    const curator = await signInAs(browser, DEMO.curator);
    const admin = await signInAs(browser, DEMO.admin);
    try {
      const before = await toScreenOnDashboard(curator.page);

      // A curator uploads the file from the dashboard: 25 records are left to screen.
      const page = curator.page;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Literature' }).click();
      const form = page.getByRole('form', { name: 'Upload records' });
      await form.getByLabel('File', { exact: true }).setInputFiles({
        name: FILE_NAME,
        mimeType: 'application/x-research-info-systems',
        buffer: Buffer.from(acceptanceRis()),
      });
      await form.getByRole('button', { name: 'Upload' }).click();
      const result = page.getByRole('region', { name: 'Upload result' });
      await expect(result.getByTestId('intake-to-screen')).toContainText('25 records to screen');
      const counts = result.getByTestId('intake-counts');
      for (const [key, n] of [
        ['records', 30],
        ['duplicates', 3],
        ['versions', 1],
        ['known', 1],
      ] as const)
        await expect(counts.locator(`[data-count="${key}"] dd`)).toHaveText(String(n));
      await expect(result.getByTestId('intake-row')).toHaveCount(30);
      const flowHref = await result.getByRole('link', { name: 'This file’s flow' }).getAttribute('href');
      expect(await toScreenOnDashboard(page)).toBe(before + 25);

      // Dual screening, blinded: two reviewers screen every record; one disagreement.
      await setScreening(admin.page, 'dual');
      for (const [who, email, keys] of [
        ['reviewer', DEMO.reviewer, false],
        ['reviewer2', DEMO.reviewer2, true],
      ] as const) {
        const s = await signInAs(browser, email);
        try {
          await s.page.goto('/literature/screen');
          await expect(s.page.getByTestId('screening-mode')).toContainText('Dual screening, blinded');
          expect(await screenAll(s.page, who, keys)).toBe(25);
        } finally {
          await s.context.close();
        }
      }

      // The admin, a third screener, resolves the one conflict: include.
      await admin.page.goto('/literature/conflicts');
      const ours = admin.page.getByTestId('conflict').filter({ hasText: /lit[0-9a-z]+ study/ });
      await expect(ours).toHaveCount(1);
      const conflict = ours.first();
      await expect(conflict.getByTestId('record-title')).toHaveText(CONFLICT);
      await conflict.getByLabel('Include', { exact: true }).check();
      await conflict.getByRole('button', { name: 'Resolve' }).click();
      await expect(admin.page.getByTestId('conflicts-status')).toContainText('included');

      // The five included papers are sources; the admin assigns them to the curator.
      await admin.page.goto('/literature/papers');
      const rows = admin.page.getByTestId('paper-row').filter({ hasText: /lit[0-9a-z]+/ });
      await expect(rows).toHaveCount(INCLUDED.length);
      for (const title of INCLUDED) {
        const row = admin.page.getByTestId('paper-row').filter({ hasText: title });
        await expect(row.getByRole('link', { name: /^10\.5555\// })).toBeVisible();
        const select = row.getByLabel('Assign to');
        const value = await select.locator('option', { hasText: DEMO.curator }).getAttribute('value');
        await select.selectOption(value!);
        await row.getByRole('button', { name: 'Assign' }).click();
        await expect(row.getByTestId('paper-assignee')).toHaveText('Casey Curator');
      }

      // My work lists them for the curator, to curate.
      await page.goto('/my-work');
      const mine = page.getByTestId('my-papers').getByTestId('paper-row');
      await expect(mine.filter({ hasText: /lit[0-9a-z]+/ })).toHaveCount(INCLUDED.length);
      await expect(mine.filter({ hasText: INCLUDED[0]! }).getByTestId('paper-status')).toHaveText('To curate');

      // The PRISMA figure of the upload: identified 30 → duplicates 5 → screened 25 → excluded 20 → included 5.
      await page.goto(flowHref!);
      expect(await stageCount(page, 'identified', `File: ${FILE_NAME}`)).toBe(30);
      expect(await stageCount(page, 'duplicates')).toBe(5);
      expect(await stageCount(page, 'screened')).toBe(25);
      expect(await stageCount(page, 'excluded')).toBe(20);
      expect(await stageCount(page, 'excluded-reason', REASON_A)).toBe(10);
      expect(await stageCount(page, 'excluded-reason', REASON_B)).toBe(10);
      expect(await stageCount(page, 'included')).toBe(5);
      expect(await stageCount(page, 'curated')).toBe(0);
      await expect(page.getByRole('img', { name: /PRISMA 2020 flow/ })).toBeVisible();
      // The whole flow counts the same file the same way.
      await page.goto('/literature');
      expect(await stageCount(page, 'identified', `File: ${FILE_NAME}`)).toBe(30);
      await expect(page.getByTestId('kappa')).toBeVisible();

      const csv = await page.request.get(`/api/literature/prisma.csv${new URL(flowHref!, 'http://x').search}`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-disposition']).toMatch(
        /^attachment; filename="prisma-flow-upload-\d+-\d{8}\.csv"$/,
      );
      const body = await csv.text();
      expect(body).toContain('screened,Records screened,25\r\n');
      expect(body).toContain('included,Studies included,5\r\n');
    } finally {
      // The setting outlives this test in the shared e2e database: leave single screening on.
      await setScreening(admin.page, 'single');
      await admin.context.close();
      await curator.context.close();
    }
  });
});
