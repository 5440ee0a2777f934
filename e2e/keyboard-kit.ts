/** Keyboard-only helpers shared by the specs that drive the app with Tab, arrows, Enter and typing. */
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect } from './fixtures';

export const MAX_TABS = 80;

/** The focused element's accessible name, as far as this app's markup needs (aria-label, labelledby, <label>, text). */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const label = el.getAttribute('aria-label');
    if (label) return clean(label);
    const by = el.getAttribute('aria-labelledby');
    if (by)
      return clean(
        by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
      );
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length) return clean([...labels].map((l) => l.textContent).join(' '));
    return clean(el.textContent);
  });
}

/** Tabs (or Shift+Tabs) until the focused element is named `name`; fails after MAX_TABS presses. */
export async function focusByName(page: Page, name: string | RegExp, { backwards = false } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const current = await focusedName(page);
    if (typeof name === 'string' ? current === name : name.test(current)) return;
    seen.push(current);
  }
  throw new Error(
    `"${name}" not reached in ${MAX_TABS} ${backwards ? 'Shift+Tabs' : 'Tabs'}; focus went through: ${seen.join(' | ')}`,
  );
}

export async function press(page: Page, key: string, times: number) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

export async function signInByKeyboard(page: Page, email: string) {
  await page.goto('/sign-in');
  await focusByName(page, 'Email');
  await page.keyboard.type(email);
  await focusByName(page, 'Password');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

/**
 * In the focused term picker: type `text`, then move down the suggestions until the active one
 * shows `option`, and choose it with Enter. Fails when the suggestions never offer it.
 */
export async function chooseTerm(page: Page, text: string, option: string) {
  await page.keyboard.type(text);
  const combo = page.locator(':focus');
  const listbox = page.locator(`#${await combo.getAttribute('aria-controls')}`);
  await expect(listbox.getByRole('option', { name: new RegExp(option) }).first()).toBeVisible();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await combo.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`#${active}`).textContent())?.includes(option)) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`"${option}" never became the active suggestion for "${text}"`);
}
