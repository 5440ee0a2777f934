import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO, expect, signInAs, test } from './fixtures';

/** No serious or critical axe violation (WCAG 2 A/AA) on the page as it stands. */
async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  expect(serious).toEqual([]);
}

const LABEL = 'Marrow stromal progenitor (e2e)';

test('a curator requests a term by keyboard; an admin accepts it as EVXT and previews the grounding', async ({
  browser,
}) => {
  const curator = await signInAs(browser, DEMO.curator);
  const page = curator.page;
  await page.getByRole('link', { name: 'Term requests' }).click();
  await expect(page.getByRole('heading', { name: 'Term requests', level: 1 })).toBeVisible();

  // Keyboard only: Tab from field to field, the parent chosen in the term picker, Enter on the button.
  const form = page.getByRole('form', { name: 'Request a term' });
  await expect(form.getByLabel('What it names')).toHaveValue('cell');
  await form.getByLabel('What it names').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type(LABEL);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Too short'); // a definition needs 10 characters or more
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Parent term (optional)' })).toBeFocused();
  await page.keyboard.type('mesenchymal stem');
  await expect(page.getByRole('option', { name: /mesenchymal stem cell/ }).first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('list', { name: 'Chosen: Parent term (optional)' })).toContainText(
    'mesenchymal stem cell CL:0000134',
  );
  await page.keyboard.press('Tab');
  await page.keyboard.type('Needed by three papers.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const definition = form.getByLabel('Definition');
  await expect(definition).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('at least a sentence');
  await expectNoSeriousViolations(page);

  await definition.fill('A stromal progenitor cell isolated from bone marrow aspirates.');
  await form.getByRole('button', { name: 'Request the term' }).press('Enter');
  await expect(form.getByRole('status').filter({ hasText: 'recorded' })).toContainText(/Request #\d+ recorded/);
  const item = page.getByTestId('term-request').filter({ hasText: LABEL });
  await expect(item.getByTestId('term-request-status')).toHaveText('open');
  await expect(item).toContainText('CL:0000134 mesenchymal stem cell');
  // Curators see no decision controls.
  await expect(item.getByTestId('term-request-decision')).toHaveCount(0);
  await curator.context.close();

  const admin = await signInAs(browser, DEMO.admin);
  await admin.page.goto('/terms/requests?status=open');
  const open = admin.page.getByTestId('term-request').filter({ hasText: LABEL });
  const decision = open.getByTestId('term-request-decision');
  await expect(decision.getByRole('radio', { name: /Accept as the local term EVXT:\d{7}/ })).toBeChecked();
  const curie = (await decision.locator('code').textContent())!;
  await decision.getByRole('radio', { name: 'Map the text to an existing term' }).check();
  await expect(decision.getByRole('combobox', { name: 'Existing term' })).toBeVisible();
  await expectNoSeriousViolations(admin.page);
  await decision.getByRole('radio', { name: /Accept as the local term/ }).check();
  await decision.getByRole('button', { name: 'Accept' }).press('Enter');
  await expect(open).toHaveCount(0); // the open list no longer holds it

  await admin.page.goto('/terms/requests?status=accepted');
  await expect(admin.page.getByLabel('Status')).toHaveValue('accepted');
  const accepted = admin.page.getByTestId('term-request').filter({ hasText: LABEL });
  await expect(accepted.getByTestId('term-request-status')).toHaveText('accepted');
  await expect(accepted).toContainText(`Accepted as ${curie}`);
  await accepted.getByRole('button', { name: `Find findings using “${LABEL}”` }).press('Enter');
  await expect(accepted.getByTestId('ground-preview')).toContainText(`No finding can be grounded`);
  await admin.context.close();
});
