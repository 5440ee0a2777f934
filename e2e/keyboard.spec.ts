import { DEMO, expect, newContext, test } from './fixtures';
import { chooseTerm, focusByName, press, signInByKeyboard } from './keyboard-kit';

// Everything here is done with the keyboard only: Tab / Shift+Tab / Enter / arrows / typing.
// page.goto stands in for typing a URL into the address bar.

// A seeded reference no other spec records findings on, so the approved finding added here disturbs no counts.
const SEEDED_DOI = '10.1016/j.stemcr.2018.01.023';
// Option positions below a select's first (blank) option, in the vocabularies' order.
const TENDON = 15; // ORGANS (the review queue's organ filter): Skeletal muscle, Bone, …, Spleen, Tendon
const MOUSE = 2; // SPECIES: Human, Mouse

test('curate → review → approve, by keyboard only', async ({ browser }) => {
  // Typing key by key (each keystroke re-renders the form and reschedules autosave) is slow on a busy machine.
  test.setTimeout(120_000);
  const stamp = Date.now();
  const recipient = `Tenocytes ${stamp}`;

  // The curator records a finding from a seeded source.
  const curatorContext = await newContext(browser);
  const curator = await curatorContext.newPage();
  await signInByKeyboard(curator, DEMO.curator);
  await curator.goto(`/findings/new?doi=${SEEDED_DOI}`);
  await expect(curator.getByRole('heading', { name: 'New finding', level: 1 })).toBeVisible();

  await focusByName(curator, 'Target organ');
  await chooseTerm(curator, 'tendon', 'UBERON:0000043');
  await expect(curator.locator('#targetOrgan-chosen')).toContainText('UBERON:0000043');
  await focusByName(curator, 'Species');
  await press(curator, 'ArrowDown', MOUSE);
  await expect(curator.getByLabel('Species', { exact: true })).toHaveValue('NCBITaxon:10090');
  await focusByName(curator, 'EV source');
  await curator.keyboard.type('C2C12 myotubes');

  await focusByName(curator, 'Add cargo item');
  await curator.keyboard.press('Enter');
  await expect(curator.getByTestId('cargo-row')).toHaveCount(1);
  // The new row sits before the button: back to its name field.
  await focusByName(curator, 'Name of cargo item 1', { backwards: true });
  await curator.keyboard.type('MIR-206');
  await focusByName(curator, 'Type of cargo item 1');
  await expect(curator.getByLabel('Type of cargo item 1', { exact: true })).toHaveValue('miRNA');
  // Leaving the name field spelled it the miRBase way.
  await expect(curator.getByLabel('Name of cargo item 1', { exact: true })).toHaveValue('miR-206');

  await focusByName(curator, 'Recipient cell');
  await curator.keyboard.type(recipient);
  await focusByName(curator, 'Result');
  await curator.keyboard.type('Myotube EVs carrying miR-206 promote tenocyte proliferation.');
  await focusByName(curator, 'Direction');
  await curator.keyboard.press('ArrowDown');
  await expect(curator.getByLabel('Direction', { exact: true })).toHaveValue('muscle_to_organ');

  await focusByName(curator, 'Submit for review');
  await curator.keyboard.press('Enter');
  await curator.waitForURL(/\/findings\/EVX-\d{6}\?submitted=1$/);
  const publicId = new URL(curator.url()).pathname.split('/').pop()!;
  await expect(curator.getByRole('status').filter({ hasText: 'Submitted for review.' })).toBeVisible();
  await expect(curator.getByTestId('finding-status')).toHaveText('submitted');

  // A reviewer, in another browser, finds it in the queue and approves it.
  const reviewerContext = await newContext(browser);
  const reviewer = await reviewerContext.newPage();
  await signInByKeyboard(reviewer, DEMO.reviewer);
  await reviewer.goto('/review');
  // Narrow the queue to tendon findings with the filter form, so the item is within reach whatever else awaits review.
  await focusByName(reviewer, 'Target organ');
  await press(reviewer, 'ArrowDown', TENDON);
  await focusByName(reviewer, 'Filter');
  await reviewer.keyboard.press('Enter');
  await reviewer.waitForURL(/\/review\?organ=UBERON%3A0000043/);
  await focusByName(reviewer, `${publicId} r1`);
  await reviewer.keyboard.press('Enter');
  await reviewer.waitForURL(new RegExp(`/review/${publicId}$`));
  await expect(reviewer.getByRole('heading', { level: 1 })).toContainText(publicId);
  await expect(reviewer.locator('[data-field="recipientCell"]').first()).toContainText(recipient);

  await focusByName(reviewer, 'Approve');
  await reviewer.keyboard.press('Enter');
  // The decision's own message, or the refreshed page's note that the revision is decided.
  await expect(
    reviewer
      .getByRole('status')
      .filter({ hasText: /Approved — the finding is now public\.|no longer awaiting review \(approved\)/ })
      .first(),
  ).toBeVisible();

  // It is public now: the curator's reload and an anonymous reader both see it approved.
  await curator.goto(`/findings/${publicId}`);
  await expect(curator.getByTestId('finding-status')).toHaveText('approved');
  const anonymousContext = await newContext(browser);
  const reader = await anonymousContext.newPage();
  await reader.goto(`/findings/${publicId}`);
  await expect(reader.getByTestId('finding-status')).toHaveText('approved');
  await expect(reader.locator('[data-field="cargo"]')).toContainText('miR-206 (miRNA)');

  for (const c of [curatorContext, reviewerContext, anonymousContext]) await c.close();
});
