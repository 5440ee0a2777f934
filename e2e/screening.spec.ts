import type { Page } from '@playwright/test';
import { DEMO, expect, signInAs, test } from './fixtures';

// Dual, blinded screening by keyboard (issue 13, item 3): two reviewers disagree on a record without seeing each
// other's decision; the admin, a third screener, sees both on /literature/conflicts and settles it.

const TOK = `scr${Date.now().toString(36)}`;
const TARGET = `Skeletal muscle extracellular vesicles ${TOK} deliver miR-206 to bone`;
const REASON = 'No primary data on EV crosstalk';

function ris(title: string, n: number, abstract: string): string {
  return [
    'TY  - JOUR',
    `TI  - ${title}`,
    `AU  - Author${n}, Alex`,
    'AU  - Second, Sam',
    'PY  - 2025',
    'JO  - Journal of Extracellular Vesicles',
    `DO  - 10.5555/${TOK}.${n}`,
    'KW  - exosomes',
    'KW  - myokines',
    `AB  - ${abstract}`,
    'ER  - ',
    '',
  ].join('\n');
}

const RIS = [
  ris(`Exercise and circulating vesicles ${TOK}`, 1, 'A cohort study of plasma vesicles after exercise.'),
  ris(TARGET, 2, 'Extracellular vesicles from skeletal muscle carry miR-206 to osteoblasts in mice.'),
  ris(`Adipose vesicles in obesity ${TOK}`, 3, 'Vesicles from adipose tissue change with obesity.'),
].join('\n');

async function setDualScreening(page: Page) {
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Dual screening, blinded', { exact: true }).check();
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');
}

/** Walks the viewer's screening queue with the n key until `title` shows; false when the queue ends first. */
async function showRecord(page: Page, title: string): Promise<boolean> {
  await page.goto('/literature/screen');
  for (let guard = 0; guard < 200; guard++) {
    const record = page.getByTestId('screening-record');
    const empty = page.getByTestId('screening-empty');
    await expect(record.or(empty)).toBeVisible();
    if (await empty.isVisible()) return false;
    if ((await page.getByTestId('record-title').innerText()).trim() === title) return true;
    const id = await record.getAttribute('data-candidate');
    await page.keyboard.press('n');
    await expect(page.locator(`[data-testid="screening-record"][data-candidate="${id}"]`)).toHaveCount(0);
  }
  throw new Error('the screening queue did not end');
}

const leftOf = async (page: Page) =>
  Number(((await page.getByTestId('screening-left').textContent()) ?? '').replace(/\D/g, ''));

test('dual screening, blind and by keyboard; the conflict goes to a third screener', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await signInAs(browser, DEMO.admin);
  const reviewer = await signInAs(browser, DEMO.reviewer);
  const reviewer2 = await signInAs(browser, DEMO.reviewer2);
  try {
    await setDualScreening(admin.page);
    const upload = await admin.page.request.post(`/api/literature/intake?name=${TOK}.ris`, {
      data: RIS,
      headers: { 'content-type': 'application/x-research-info-systems' },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    expect((await upload.json()).counts).toMatchObject({ records: 3, added: 3 });

    // The first screener includes the record with the i key.
    const p1 = reviewer.page;
    expect(await showRecord(p1, TARGET)).toBe(true);
    await expect(p1.getByTestId('screening-mode')).toHaveText(
      'Dual screening, blinded: a second screener decides independently.',
    );
    await expect(p1.getByTestId('screening-keys')).toContainText('i include, e exclude');
    await expect(p1.getByTestId('record-abstract').locator('mark').first()).toBeVisible();
    const left = await leftOf(p1);
    await p1.keyboard.press('i');
    await expect(p1.getByTestId('screening-status')).toHaveText(`Included. ${left - 1} left.`);
    await expect(p1.getByTestId('screening-status')).toBeFocused();
    await expect(p1.getByTestId('record-title').filter({ hasText: TARGET })).toHaveCount(0);

    // The second screener gets the same record with no trace of the first decision, and excludes it by keyboard.
    const p2 = reviewer2.page;
    expect(await showRecord(p2, TARGET)).toBe(true);
    const main = p2.getByRole('main');
    await expect(main).not.toContainText('Robin Reviewer');
    await expect(main).not.toContainText(/included|awaiting|second screener decided/i);
    // The server action's answers, read on their way to the page.
    const answers: string[] = [];
    await p2.route('**/literature/screen**', async (route) => {
      if (!route.request().headers()['next-action']) return route.continue();
      const response = await route.fetch();
      answers.push(await response.text());
      return route.fulfill({ response });
    });
    await p2.keyboard.press('e');
    const reason = p2.getByLabel('Reason for excluding');
    await expect(reason).toBeFocused();
    await reason.selectOption({ label: REASON });
    await p2.keyboard.press('Enter');
    // The action's answer says the decision was recorded, not that it made a conflict.
    await expect(p2.getByTestId('screening-status')).toContainText('Excluded.');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain('"outcome":null');
    expect(answers[0]).not.toContain('"outcome":"conflict"');
    await p2.unrouteAll();
    await expect(main).not.toContainText(/conflict with|disagree/i);

    // Neither screener is offered the record as a conflict: each would see the other's decision there.
    for (const p of [p1, p2]) {
      await p.goto('/literature/conflicts');
      await expect(p.getByRole('heading', { name: 'Screening conflicts', level: 1 })).toBeVisible();
      await expect(p.getByTestId('conflict').filter({ hasText: TARGET })).toHaveCount(0);
    }

    // The admin sees both decisions and settles the record: excluded.
    const pa = admin.page;
    await pa.goto('/literature/conflicts');
    const item = pa.getByTestId('conflict').filter({ hasText: TARGET });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('The screeners disagree.');
    const decisions = item.getByTestId('conflict-decisions');
    await expect(decisions).toContainText('Include by Robin Reviewer');
    await expect(decisions).toContainText(`Exclude by Riley Reviewer — reason: ${REASON}`);
    await item.getByLabel('Exclude', { exact: true }).check();
    await item.getByLabel(/^Reason for excluding/).selectOption({ label: REASON });
    await item.getByRole('button', { name: 'Resolve' }).click();
    await expect(pa.getByTestId('conflicts-status')).toHaveText(`Resolved “${TARGET}”: excluded.`);
    await expect(item).toHaveCount(0);

    // Settled: nobody is offered it to screen or to resolve any more.
    expect(await showRecord(pa, TARGET)).toBe(false);
    await p1.goto('/literature/conflicts');
    await expect(p1.getByTestId('conflict').filter({ hasText: TARGET })).toHaveCount(0);
    expect(await showRecord(p2, TARGET)).toBe(false);
  } finally {
    // Other specs assume the defaults of the shared e2e database.
    const reset = await admin.page.request.post('/api/admin/settings', { data: { screeningMode: 'single' } });
    expect(reset.status()).toBe(200);
    for (const s of [reviewer2, reviewer, admin]) await s.context.close();
  }
});
