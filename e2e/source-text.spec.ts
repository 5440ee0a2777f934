import type { Page } from '@playwright/test';
import { DEMO, expect, signInAs, test } from './fixtures';

const PAPER = [
  'Abstract',
  'Skeletal muscle releases extracellular vesicles during contraction. We followed their cargo to bone.',
  '',
  'Results',
  'Myotube vesicles carrying miR-133a were taken up by bone marrow stromal cells within six hours.',
  '',
  'Uptake raised alkaline phosphatase activity twofold compared with vesicle-free medium.',
  '',
  'Discussion',
  'These data place muscle vesicles among the signals that reach the skeleton.',
].join('\n');

const SENTENCE_A = 'Myotube vesicles carrying miR-133a were taken up by bone marrow stromal cells within six hours.';
const SENTENCE_B = 'Uptake raised alkaline phosphatase activity twofold compared with vesicle-free medium.';

/** Adds a source by hand (no Crossref here) and lands on its new-finding page; returns its DOI. */
async function addSource(page: Page): Promise<string> {
  const doi = `10.5555/evx.text.${Date.now()}`;
  await page.getByRole('link', { name: 'Add source' }).click();
  const lookup = page.getByRole('form', { name: 'Look up a DOI' });
  await lookup.getByLabel('DOI', { exact: true }).fill(doi);
  await lookup.getByRole('button', { name: 'Look up' }).click();
  const details = page.getByRole('form', { name: 'Source details' });
  await details.getByLabel('Title').fill('Muscle vesicles reach bone');
  await details.getByLabel('Authors').fill('Curie, M.');
  await details.getByLabel('Journal').fill('J. Test Biol.');
  await details.getByLabel('Year').fill('2026');
  await details.getByRole('button', { name: 'Save source' }).click();
  await page.waitForURL((url) => url.pathname === '/findings/new');
  return doi;
}

/** Selects `sentence` in the reader as a user would with the mouse (a DOM selection over its text). */
async function selectInReader(page: Page, sentence: string) {
  await page.getByTestId('reader-text').evaluate((region, s) => {
    // The sentence may run through highlights (a miRNA is a <mark>): walk the paragraph's text nodes.
    const p = [...region.querySelectorAll('p')].find((el) => el.textContent!.includes(s));
    if (!p) throw new Error(`not in the reader: ${s}`);
    const from = p.textContent!.indexOf(s);
    const to = from + s.length;
    const range = document.createRange();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent!.length;
      if (from >= seen && from < seen + len) range.setStart(n, from - seen);
      if (to > seen && to <= seen + len) range.setEnd(n, to - seen);
      seen += len;
    }
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, sentence);
  await expect(page.getByTestId('reader-selection')).toContainText(sentence.slice(0, 20));
}

/** Fills what a submission needs besides the evidence. */
async function completeFinding(page: Page, recipient: string) {
  const form = page.getByRole('form', { name: 'Finding' });
  await form.getByRole('combobox', { name: 'Target organ', exact: true }).fill('bone element');
  await page.getByRole('option', { name: /UBERON:0001474/ }).click();
  await form.getByLabel('Species').selectOption({ label: 'Mouse (Mus musculus)' });
  await form.getByLabel('Direction', { exact: true }).selectOption('muscle_to_organ');
  await form.getByLabel('EV source').fill('C2C12 myotubes');
  await form.getByLabel('Recipient cell').fill(recipient);
  await form.getByLabel('Result').fill(`Myotube vesicles act on ${recipient}.`);
  return form;
}

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
