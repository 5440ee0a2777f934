import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { DEMO, expect, signInAs, test } from './fixtures';

const CSV_HEADER = 'id,at,actor_email,actor_name,action,entity,entity_id,detail';

async function saveApprovals(page: Page, n: 1 | 2) {
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByLabel(n === 1 ? '1 approval' : '2 approvals (dual review)', { exact: true }).check();
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');
}

test.describe('admin settings and audit log', () => {
  test('an admin switches dual review on and off; each save is kept and audited', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.admin);
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
      const form = page.getByRole('form', { name: 'Settings' });
      await expect(form.getByLabel('1 approval', { exact: true })).toBeChecked();
      await expect(form.getByLabel('Public read')).toBeChecked();

      await saveApprovals(page, 2);
      await page.reload();
      await expect(form.getByLabel('2 approvals (dual review)', { exact: true })).toBeChecked();
      await expect(form.getByLabel('Public read')).toBeChecked();

      await saveApprovals(page, 1);
      await page.reload();
      await expect(form.getByLabel('1 approval', { exact: true })).toBeChecked();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
      await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
      const rows = page.getByTestId('audit-row');
      for (const [i, to] of [
        [0, 1],
        [1, 2],
      ] as const) {
        await expect(rows.nth(i).getByTestId('audit-action')).toHaveText('settings.update');
        await expect(rows.nth(i).getByTestId('audit-actor')).toContainText('admin@example.org');
        // jsonb orders keys by length, so approvalsRequired comes after publicRead.
        await expect(rows.nth(i)).toContainText(new RegExp(`"after":\\{[^}]*"approvalsRequired":${to}[,}]`));
      }
      await expect(rows.first().locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    } finally {
      // Settings outlive this test in the shared e2e database: leave single review on.
      await saveApprovals(page, 1);
      await context.close();
    }
  });

  test('filters by action keep to the URL, and the CSV download matches them', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.admin);
    await saveApprovals(page, 1);
    await page.goto('/admin/audit');
    const filters = page.getByRole('form', { name: 'Filter the audit log' });
    await filters.getByLabel('Action').fill('settings.update');
    await filters.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/[?&]action=settings\.update/);
    const actions = page.getByTestId('audit-action');
    await expect(actions.first()).toHaveText('settings.update');
    const shown = await actions.allTextContents();
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(new Set(shown)).toEqual(new Set(['settings.update']));
    await expect(page.getByTestId('audit-count')).toHaveText(
      `${shown.length} matching ${shown.length === 1 ? 'event' : 'events'}`,
    );

    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toBe('/admin/audit/export?action=settings.update');
    const r = await page.request.get(href!);
    expect(r.status()).toBe(200);
    expect(r.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers()['content-disposition']).toMatch(/^attachment; filename="audit-\d{8}\.csv"$/);
    const text = await r.text();
    expect(text.split('\r\n')[0]).toBe(CSV_HEADER);
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(shown.length);
    for (const rec of records) {
      expect(rec).toMatchObject({ action: 'settings.update', actor_email: 'admin@example.org', entity: 'settings' });
      expect(JSON.parse(rec.detail!)).toHaveProperty('after.approvalsRequired');
    }

    // A prefix filter ("finding." — the seed's imports and groundings, and the rest): each event linked to its finding.
    await page.goto('/admin/audit?action=finding.');
    const actionsShown = await page.getByTestId('audit-action').allTextContents();
    expect(actionsShown.length).toBeGreaterThan(1);
    expect(actionsShown.every((a) => a.startsWith('finding.'))).toBe(true);
    // (An event about something else than one finding has no finding link; the first linked one will do.)
    await page
      .getByTestId('audit-row')
      .getByRole('link', { name: /^EVX-\d{6}$/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/findings\/EVX-\d{6}$/);
    await context.close();
  });

  test('pages of 50 link older and newest, keeping the filters', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.admin);
    // The 33 seeded imports share one timestamp; they fit on one page with no links.
    await page.goto('/admin/audit?action=finding.import');
    await expect(page.getByTestId('audit-count')).toHaveText('33 matching events');
    await expect(page.getByTestId('audit-row')).toHaveCount(33);
    await expect(page.getByRole('link', { name: 'Older »' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '« Newest' })).toHaveCount(0);

    const filtered = '/admin/audit?from=2000-01-01';
    const count = async () => {
      await page.goto(filtered);
      return Number((await page.getByTestId('audit-count').textContent())!.replace(/\D/g, ''));
    };
    // Past one page of events: each save writes one.
    for (let total = await count(); total <= 55; total++) await saveApprovals(page, 1);
    const total = await count();
    const rows = page.getByTestId('audit-row');
    await expect(rows).toHaveCount(50);
    const first = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-event-id'))));

    await page.getByRole('link', { name: 'Older »' }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?from=2000-01-01&before=[A-Za-z0-9_-]+$/);
    await expect(rows).toHaveCount(Math.min(50, total - 50));
    const second = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-event-id'))));
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(Math.max(...second)).toBeLessThan(Math.min(...first));
    await expect(page.getByTestId('audit-count')).toHaveText(`${total} matching events`);
    await expect(page.getByRole('link', { name: '« Newest' })).toHaveAttribute('href', filtered);
    await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      '/admin/audit/export?from=2000-01-01',
    );
    await page.getByRole('link', { name: '« Newest' }).click();
    await expect(rows.first()).toHaveAttribute('data-event-id', String(first[0]));
    await context.close();
  });

  test('bad filters show a message, never a 500', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.admin);
    for (const [url, message] of [
      ['/admin/audit?from=notadate', 'Use a date like 2026-01-31.'],
      ['/admin/audit?to=2026-02-30', 'Use a date like 2026-01-31.'],
      ['/admin/audit?actor=nobody', 'Enter a valid email address'],
      ['/admin/audit?action=%25%27%3B--', 'An action looks like finding.submit'],
      ['/admin/audit?from=2026-03-02&to=2026-03-01', 'The end date is before the start date.'],
      ['/admin/audit?before=garbage', 'This page link is broken or out of date'],
      ['/admin/audit?before=%00%3Cscript%3E', 'This page link is broken or out of date'],
    ] as const) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByTestId('audit-error'), url).toBeVisible();
      await expect(page.getByRole('main'), url).toContainText(message);
      await expect(page.getByTestId('audit-row')).toHaveCount(0);
    }
    await expect(page.getByRole('form', { name: 'Filter the audit log' }).getByLabel('Action')).toHaveValue('');

    const bad = await page.request.get('/admin/audit/export?from=notadate');
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid', fields: { from: 'Use a date like 2026-01-31.' } });
    await context.close();
  });

  test('a curator gets 403 at the audit log, its export and the settings; an anonymous caller cannot export', async ({
    browser,
    page: anonymous,
  }) => {
    const { context, page } = await signInAs(browser, DEMO.curator);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' })).toHaveCount(
      0,
    );
    for (const url of ['/admin/audit', '/admin/settings', '/admin/audit?action=settings.update']) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByRole('heading', { name: '403 — Not allowed' })).toBeVisible();
    }
    const exported = await page.request.get('/admin/audit/export');
    expect(exported.status()).toBe(403);
    expect(await exported.json()).toMatchObject({ error: 'forbidden' });
    await context.close();

    // The proxy sends a visitor without a session cookie to sign-in; past it, the handler itself answers 401.
    const redirected = await anonymous.request.get('/admin/audit/export', { maxRedirects: 0 });
    expect(redirected.status()).toBe(307);
    expect(redirected.headers()['location']).toContain('/sign-in?callbackUrl=%2Fadmin%2Faudit%2Fexport');
    const forged = await anonymous.request.get('/admin/audit/export', {
      headers: { cookie: 'next-auth.session-token=forged' },
    });
    expect(forged.status()).toBe(401);
    expect(await forged.json()).toMatchObject({ error: 'unauthorized' });
  });
});
