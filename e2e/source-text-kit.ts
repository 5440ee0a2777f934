/** What the source-text e2e specs share: a short paper, adding a source by hand, selecting in the reader. */
import { expect, type Page } from '@playwright/test';

export const PAPER = [
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

export const SENTENCE_A =
  'Myotube vesicles carrying miR-133a were taken up by bone marrow stromal cells within six hours.';
export const SENTENCE_B = 'Uptake raised alkaline phosphatase activity twofold compared with vesicle-free medium.';

/** Adds a source by hand (no Crossref here) and lands on its new-finding page; returns its DOI. */
export async function addSource(page: Page): Promise<string> {
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
export async function selectInReader(page: Page, sentence: string) {
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
export async function completeFinding(page: Page, recipient: string) {
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

/** Pastes PAPER as the text of the source page open in `page`. */
export async function pastePaper(page: Page, doi: string) {
  await page.goto(`/sources/${doi}`);
  await page.getByLabel(/Or paste the text/).fill(PAPER);
  await page.getByRole('button', { name: 'Store pasted text' }).click();
  await expect(page.getByTestId('source-text-result')).toContainText('Text stored.');
}
