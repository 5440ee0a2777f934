import { DEMO, expect, signInAs, test } from './fixtures';
import { addSource, completeFinding, PAPER, selectInReader, SENTENCE_A, SENTENCE_B } from './source-text-kit';

test('paste a text, select a sentence, record a finding from it: verified and highlighted; an edited quote is refused unless marked unverified; the reviewer sees both labels', async ({
  browser,
}) => {
  const { context, page } = await signInAs(browser, DEMO.curator);
  const doi = await addSource(page);
  await page.goto(`/sources/${doi}`);
  await expect(page.getByTestId('source-text-empty')).toContainText('No text of this paper is stored yet');
  await page.getByLabel(/Or paste the text/).fill(PAPER);
  await page.getByRole('button', { name: 'Store pasted text' }).click();
  await expect(page.getByTestId('source-text-result')).toContainText('Text stored.');
  await expect(page.getByTestId('reader-visibility')).toContainText('signed-in users only');
  await expect(page.getByTestId('reader-sections')).toContainText('Results');

  // Finding A: the sentence as selected, after a refused edit.
  await selectInReader(page, SENTENCE_A);
  await page.getByTestId('use-as-evidence').click();
  await page.waitForURL(/\/findings\/(new|EVX-\d+\/edit)/);
  await expect(page.getByTestId('prefill-notice')).toContainText('Results');
  const form = page.getByRole('form', { name: 'Finding' });
  await expect(form.getByLabel('Evidence quote')).toHaveValue(SENTENCE_A);
  await expect(form.getByLabel('Evidence location')).toHaveValue('Results');
  await expect(page).toHaveURL(/\/findings\/EVX-\d{6}\/edit$/, { timeout: 15_000 });
  const publicA = page.url().match(/EVX-\d{6}/)![0];
  await completeFinding(page, 'bone marrow stromal cells');
  await form.getByLabel('Evidence quote').fill('Myotube vesicles carrying miR-206 were ignored by osteoclasts.');
  await form.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.locator('#evidenceQuote-error')).toContainText('does not match the stored text');
  await form.getByLabel('Evidence quote').fill(SENTENCE_A);
  await form.getByRole('button', { name: 'Submit for review' }).click();
  await page.waitForURL(new RegExp(`/findings/${publicA}\\?submitted=1$`));
  await expect(page.getByTestId('evidence-check-label')).toHaveText('Verified against stored text');
  await expect(page.getByTestId('evidence-highlight')).toHaveText(SENTENCE_A);

  // Finding B: edited to words not in the text, marked as typed by hand.
  await page.goto(`/sources/${doi}`);
  await selectInReader(page, SENTENCE_B);
  await page.getByTestId('use-as-evidence').click();
  await expect(page).toHaveURL(/\/findings\/EVX-\d{6}\/edit$/, { timeout: 15_000 });
  const publicB = page.url().match(/EVX-\d{6}/)![0];
  await completeFinding(page, 'osteoblasts');
  await form.getByLabel('Evidence quote').fill('Alkaline phosphatase doubled (Fig. 3B, read off the bar chart).');
  await form.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.locator('#evidenceQuote-error')).toContainText('does not match the stored text');
  await form.getByLabel(/Not verified against stored text/).check();
  await form.getByRole('button', { name: 'Submit for review' }).click();
  await page.waitForURL(new RegExp(`/findings/${publicB}\\?submitted=1$`));
  await expect(page.getByTestId('evidence-check-label')).toHaveText('Not verified against stored text');
  await context.close();

  const reviewer = await signInAs(browser, DEMO.reviewer);
  await reviewer.page.goto(`/review/${publicA}`);
  await expect(reviewer.page.getByTestId('evidence-check-label')).toHaveText('Verified against stored text');
  await expect(reviewer.page.getByTestId('evidence-highlight')).toHaveText(SENTENCE_A);
  await expect(reviewer.page.getByTestId('evidence-in-text')).toContainText('Show in text (Results)');
  await reviewer.page.goto(`/review/${publicB}`);
  await expect(reviewer.page.getByTestId('evidence-check-label')).toHaveText('Not verified against stored text');
  await expect(reviewer.page.getByTestId('evidence-highlight')).toHaveCount(0);
  await reviewer.context.close();
});
