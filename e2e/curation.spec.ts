import { DEMO, expect, signInAs, test } from './fixtures';

test.describe('curation: a new curator records a finding', () => {
  test('add a source by an upper-case doi.org URL offline, record a finding with three cargo items, come back via My work, edit, submit; history shows two revisions and their diff', async ({
    browser,
  }) => {
    const { context, page } = await signInAs(browser, DEMO.curator);
    const unique = `${Date.now()}`;
    const doi = `10.5555/evx.curation.${unique}`;
    await page.getByRole('link', { name: 'Add source' }).click();
    const lookup = page.getByRole('form', { name: 'Look up a DOI' });
    await lookup.getByLabel('DOI', { exact: true }).fill(`HTTPS://DOI.ORG/10.5555/EVX.CURATION.${unique}`);
    await lookup.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByTestId('lookup-reason')).toContainText('enter the metadata by hand');
    const details = page.getByRole('form', { name: 'Source details' });
    await details.getByLabel('Title').fill('Muscle EVs carrying miRNAs reach bone');
    await details.getByLabel('Authors').fill('Curie, M., and Pasteur, L.');
    await details.getByLabel('Journal').fill('J. Test Biol.');
    await details.getByLabel('Year').fill('2025');
    await details.getByRole('button', { name: 'Save source' }).click();
    await page.waitForURL((url) => url.pathname === '/findings/new' && url.searchParams.get('doi') === doi);

    const form = page.getByRole('form', { name: 'Finding' });
    await form.getByRole('combobox', { name: 'Target organ', exact: true }).fill('bone element');
    await page.getByRole('option', { name: /UBERON:0001474/ }).click();
    await expect(page.locator('#targetOrgan-chosen')).toContainText('UBERON:0001474');
    await form.getByLabel('Species').selectOption({ label: 'Mouse (Mus musculus)' });
    await form.getByLabel('EV source').fill('C2C12 myotubes');
    for (const [i, name, type] of [
      [1, 'MIR-133A', 'miRNA'],
      [2, 'mir-206-3p', 'miRNA'],
      [3, 'CD63', 'protein'],
    ] as const) {
      await form.getByRole('button', { name: 'Add cargo item' }).click();
      await form.getByLabel(`Type of cargo item ${i}`).selectOption(type);
      await form.getByLabel(`Name of cargo item ${i}`).fill(name);
      await form.getByLabel(`Name of cargo item ${i}`).blur();
    }
    await expect(form.getByLabel('Name of cargo item 1')).toHaveValue('miR-133a');
    await form.getByLabel('Recipient cell').fill('BMSCs');
    await form.getByLabel('Result').fill('Myotube EVs promote osteogenic differentiation of BMSCs.');
    await expect(page.getByTestId('save-status')).toContainText('Saved at', { timeout: 15_000 });
    await expect(page).toHaveURL(/\/findings\/EVX-\d{6}\/edit$/);
    const publicId = page.url().match(/EVX-\d{6}/)![0];

    // Leave, come back through My work.
    await page.goto('/findings');
    await page.getByRole('link', { name: 'My work' }).click();
    const drafts = page.getByTestId('my-drafts');
    await expect(drafts.getByRole('link', { name: publicId })).toBeVisible();
    await drafts.getByRole('link', { name: publicId }).click();
    await expect(form.getByLabel('Direction', { exact: true })).toBeVisible();
    await expect(form.getByTestId('cargo-row')).toHaveCount(3);
    await form.getByLabel('Direction', { exact: true }).selectOption('muscle_to_organ');
    await form.getByLabel('Result').fill('Myotube EVs carrying miR-133a promote osteogenic differentiation of BMSCs.');
    await form.getByLabel('Change summary').fill('Name the miRNA in the result');
    await form.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForURL(new RegExp(`/findings/${publicId}\\?submitted=1$`));
    await expect(page.getByText('Submitted for review.')).toBeVisible();

    await page.getByRole('link', { name: 'History and compare' }).click();
    await expect(page.getByTestId('history-row')).toHaveCount(2);
    const diff = page.getByTestId('diff');
    await expect(diff.locator('[data-field="direction"]')).toContainText('Muscle → organ');
    await expect(diff.locator('[data-field="result"] ins')).toContainText('carrying miR-133a');

    await page.goto('/my-work');
    await expect(page.getByTestId('my-submitted').getByTestId('work-row').filter({ hasText: publicId })).toContainText(
      'submitted',
    );
    await context.close();
  });

  test('bad input in the finding form gives field errors and stores nothing; posting garbage to the action is refused', async ({
    browser,
  }) => {
    const { context, page } = await signInAs(browser, DEMO.curator);
    await page.goto('/my-work');
    const draftsBefore = await page.getByTestId('my-drafts').getByTestId('work-row').count();
    await page.goto('/findings/new?doi=10.1007/s00125-014-3337-2');
    await expect(page.getByTestId('siblings-warning')).toContainText('EVX-000003');
    const form = page.getByRole('form', { name: 'Finding' });
    await form.getByRole('button', { name: 'Submit for review' }).click();
    await expect(form.locator('#targetOrgan-error')).toBeVisible();
    await expect(form.locator('#result-error')).toHaveText('Required.');
    await form.getByLabel('EV source').fill('<script>alert(1)</script>');
    await form.getByLabel('Result').fill('x'.repeat(200_000));
    await form.getByLabel('Recipient cell').fill('cells\u0000');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect(form.locator('#evSource-error')).toContainText('HTML tags are not allowed');
    await expect(form.locator('#result-error')).toContainText('At most 2,000 characters');
    await expect(form.locator('#recipientCell-error')).toContainText('control character');
    await expect(page).toHaveURL(/\/findings\/new/);
    await page.goto('/my-work');
    await expect(page.getByRole('heading', { name: /^Drafts/ })).toBeVisible();
    expect(await page.getByTestId('my-drafts').getByTestId('work-row').count()).toBe(draftsBefore);

    // The same server action, called through the JSON API with hostile bodies: 400 with field errors, nothing stored.
    const base = {
      targetOrgan: 'UBERON:0001474',
      direction: 'muscle_to_organ',
      species: 'NCBITaxon:10090',
      evSource: 'C2C12',
      recipientCell: 'BMSCs',
      result: 'x',
    };
    for (const [over, field] of [
      [{ evSource: 'C2C12\u0000' }, 'evSource'],
      [{ result: 'y'.repeat(200_000) }, 'result'],
      [{ recipientCell: '<script>alert(1)</script>' }, 'recipientCell'],
      [{ targetOrgan: 'UBERON:9999999' }, 'targetOrgan'],
      [{ cargo: [{ name: 'miR-1', type: 'plasmid' }] }, 'cargo.0.type'],
      [{ cargo: Array.from({ length: 10_000 }, (_, i) => ({ name: `miR-${i}`, type: 'miRNA' })) }, 'cargo'],
    ] as const) {
      const r = await page.request.post('/api/findings', {
        data: { doi: '10.1007/s00125-014-3337-2', content: { ...base, ...over } },
      });
      expect(r.status(), field).toBe(400);
      expect(Object.keys((await r.json()).fields ?? {}), field).toContain(field);
    }
    // An invalid DOI is the caller's mistake (400, on the doi field, as the form says), not a missing source (404).
    for (const doi of ['10.1007/s00125\u0000', 'not-a-doi', '']) {
      const bad = await page.request.post('/api/findings', { data: { doi, content: base } });
      expect(bad.status(), JSON.stringify(doi)).toBe(400);
      expect((await bad.json()).fields, JSON.stringify(doi)).toHaveProperty('doi');
    }
    await page.goto('/my-work');
    expect(await page.getByTestId('my-drafts').getByTestId('work-row').count()).toBe(draftsBefore);
    await context.close();
  });
});

test.describe('curation: editing', () => {
  test('two people edit the same finding: the second save gets a conflict and keeps its text; no revision is lost', async ({
    browser,
  }) => {
    const a = await signInAs(browser, DEMO.curator);
    const b = await signInAs(browser, DEMO.reviewer);
    const id = 'EVX-000012';
    await a.page.goto(`/findings/${id}/history`);
    await expect(a.page.getByTestId('history-row').first()).toBeVisible();
    const before = await a.page.getByTestId('history-row').count();
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

    // Nothing was lost: the revisions it had (the approved one last) and the curator's draft after them.
    await a.page.goto(`/findings/${id}/history`);
    await expect(a.page.getByTestId('history-row')).toHaveCount(before + 1);
    await expect(a.page.getByTestId('history-row').nth(before)).toContainText('draft');
    await expect(a.page.getByTestId('diff')).toContainText('saved first by the curator');
    // The public still sees the approved revision.
    await b.page.goto(`/findings/${id}`);
    await expect(b.page.locator('[data-field="result"]')).not.toContainText('saved first by the curator');
    await a.context.close();
    await b.context.close();
  });
});
