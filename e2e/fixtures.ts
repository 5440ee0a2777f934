import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomInt } from 'node:crypto';

export const DEMO_PASSWORD = process.env.EVX_DEMO_PASSWORD ?? 'crosstalk-demo-2026';
export const DEMO = {
  curator: 'curator@example.org',
  reviewer: 'reviewer@example.org',
  reviewer2: 'reviewer2@example.org',
  admin: 'admin@example.org',
} as const;

// Start at a random point so reruns against the same server do not reuse addresses.
let ipCounter = randomInt(0, 60_000);

/** A distinct client address per context (the e2e server trusts one proxy hop), so per-address sign-in limits never leak between tests. */
export function fakeIp(): string {
  ipCounter += 1;
  return `198.18.${Math.floor(ipCounter / 250) % 256}.${(ipCounter % 250) + 1}`;
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': fakeIp() } });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAs(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  return { context, page };
}

export const test = base.extend({
  context: async ({ browser }, use) => {
    const context = await newContext(browser);
    await use(context);
    await context.close();
  },
});
export { expect };
