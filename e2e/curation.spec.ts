import { DEMO, expect, signInAs, test } from './fixtures';

test.describe('curation: editing', () => {
  test('two people edit the same finding: the second save gets a conflict and keeps its text; no revision is lost', async ({ browser }) => {
    const a = await signInAs(browser, DEMO.curator);
    const b = await signInAs(browser, DEMO.reviewer);
    const id = 'EVX-000012';
    await a.page.goto(`/findings/${id}/edit`);
    await b.page.goto(`/findings/${id}/edit`);
    await expect(a.page.getByLabel('Result')).not.toHaveValue('');

    await a.page.getByLabel('Result').fill('Text saved first by the curator.');
    await a.page.getByLabel('Change summary').fill('Curator edit');
    await a.page.getByRole('button', { name: 'Save draft' }).click();
    await expect(a.page.getByTestId('save-status')).toContainText('Saved at');

    await b.page.getByLabel('Result').fill('Text the reviewer wrote at the same time.');
    await b.page.getByRole('button', { name: 'Save draft' }).click();
    const conflict = b.page.getByTestId('conflict');
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('changed while you were editing');
    await expect(conflict.getByTestId('mine-result')).toHaveText('Text the reviewer wrote at the same time.');
    await expect(b.page.getByLabel('Result')).toHaveValue('Text the reviewer wrote at the same time.');

    // Reloading the saved version keeps the reviewer's text visible for copying.
    await conflict.getByRole('button', { name: 'Reload the saved version into the form' }).click();
    await expect(b.page.getByTestId('unsaved-copy')).toContainText('Text the reviewer wrote at the same time.');

    // Nothing was lost: revision 1 (approved) and the curator's draft revision 2.
    await a.page.goto(`/findings/${id}/history`);
    await expect(a.page.getByTestId('history-row')).toHaveCount(2);
    await expect(a.page.getByTestId('history-row').nth(1)).toContainText('draft');
    await expect(a.page.getByTestId('diff')).toContainText('saved first by the curator');
    // The public still sees the approved revision.
    await b.page.goto(`/findings/${id}`);
    await expect(b.page.locator('[data-field="result"]')).not.toContainText('saved first by the curator');
    await a.context.close();
    await b.context.close();
  });
});
