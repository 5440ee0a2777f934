import type { APIResponse, BrowserContext, Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, signInAs, test } from './fixtures';

const SEEDED_DOI = '10.1007/s00125-014-3337-2';

type Header = { name: string; value: string };

function single(headers: Header[], name: string): string {
  const found = headers.filter((h) => h.name.toLowerCase() === name);
  // Two CSP headers would both be enforced, so a stray second one could silently block the nonce'd scripts.
  expect(
    found.map((h) => h.value),
    `exactly one ${name} header`,
  ).toHaveLength(1);
  return found[0]!.value;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** The headers every response carries, whatever produced it. */
function expectCommonHeaders(headers: Header[]) {
  expect(single(headers, 'x-frame-options')).toBe('DENY');
  expect(single(headers, 'x-content-type-options')).toBe('nosniff');
  expect(single(headers, 'referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(single(headers, 'permissions-policy')).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers.find((h) => h.name.toLowerCase() === 'x-powered-by')).toBeUndefined();
  const csp = directives(single(headers, 'content-security-policy'));
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src') ?? csp.get('default-src')).toEqual(["'none'"]);
  return csp;
}

/** A page's policy: scripts only by this response's nonce, nothing inline or eval'd. Returns the nonce. */
function expectPagePolicy(headers: Header[]): string {
  const csp = expectCommonHeaders(headers);
  const scripts = csp.get('script-src')!;
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, 'script-src has a nonce').toMatch(/^[A-Za-z0-9+/]{16,}={0,2}$/);
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(csp.get('style-src-elem')).not.toContain("'unsafe-inline'");
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  return nonce!;
}

async function expectNoncedHtml(r: APIResponse) {
  const nonce = expectPagePolicy(r.headersArray());
  const html = await r.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, 'every script carries the nonce').toContain(`nonce="${nonce}"`);
  return nonce;
}

type Problems = { violations: string[]; console: string[]; errors: string[] };

/** Records CSP violations (from the page, via an init script), console errors and uncaught exceptions. */
async function watch(context: BrowserContext, page: Page): Promise<Problems> {
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  });
  const problems: Problems = { violations: [], console: [], errors: [] };
  page.on('console', (m) => {
    // A failed load is listed with its URL by the response listener below.
    if (/^Failed to load resource/.test(m.text())) return;
    if (m.type() === 'error' || /content security policy/i.test(m.text()))
      problems.console.push(`${page.url()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    // The app ships no favicon; browsers ask for one anyway.
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico')
      problems.console.push(`${page.url()}: ${r.status()} for ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.errors.push(`${page.url()}: ${e.message}`));
  return problems;
}

async function visit(page: Page, problems: Problems, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  expectPagePolicy(await response!.headersArray());
  await page.waitForLoadState('networkidle');
  // The page hydrated: React has put its fiber keys on <body>.
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.body).some((k) => k.startsWith('__react'))), {
      message: `${url} hydrated`,
    })
    .toBe(true);
  const found = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  problems.violations.push(...found.map((v) => `${url}: ${v}`));
}

function expectClean(problems: Problems) {
  expect(problems.violations, 'CSP violations').toEqual([]);
  expect(problems.console, 'console errors').toEqual([]);
  expect(problems.errors, 'uncaught exceptions').toEqual([]);
}

test.describe('security headers', () => {
  test('a page, an API route and 404s carry the security headers', async ({ request }) => {
    const page = await request.get('/findings');
    expect(page.status()).toBe(200);
    const first = await expectNoncedHtml(page);
    // A fresh nonce per response.
    const second = await expectNoncedHtml(await request.get('/findings'));
    expect(second).not.toBe(first);

    const api = await request.get('/api/health');
    expect(api.status()).toBe(200);
    const apiCsp = expectCommonHeaders(api.headersArray());
    expect(apiCsp.get('default-src')).toEqual(["'none'"]);

    const missingPage = await request.get('/no-such-page');
    expect(missingPage.status()).toBe(404);
    await expectNoncedHtml(missingPage);
    const missingFinding = await request.get('/findings/EVX-999999');
    expect(missingFinding.status()).toBe(404);
    await expectNoncedHtml(missingFinding);
    const missingApi = await request.get('/api/no-such-route');
    expect(missingApi.status()).toBe(404);
    expectCommonHeaders(missingApi.headersArray());

    // The sign-in redirect of a protected page and a static asset carry the common headers too.
    const redirect = await request.get('/admin/users', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(single(redirect.headersArray(), 'x-frame-options')).toBe('DENY');
    const asset = (await page.text()).match(/\/_next\/static\/[^"]+\.js/)![0];
    const js = await request.get(asset);
    expect(js.status()).toBe(200);
    expect(single(js.headersArray(), 'x-content-type-options')).toBe('nosniff');
  });

  test('the session cookie is httpOnly and SameSite=Lax (Secure only over https)', async ({ page, context }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(DEMO.curator);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes('/api/auth/callback/credentials') && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    const setCookies = (await response.headersArray())
      .filter((h) => h.name.toLowerCase() === 'set-cookie')
      .map((h) => h.value);
    const session = setCookies.find((c) => c.startsWith('next-auth.session-token='));
    expect(session, setCookies.join('\n')).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\//i);
    // NEXTAUTH_URL is http://127.0.0.1 here; with an https NEXTAUTH_URL next-auth names it __Secure-… and adds Secure.
    expect(session).not.toMatch(/;\s*Secure/i);

    await expect(page.getByTestId('signed-in-as')).toBeVisible();
    const cookies = await context.cookies();
    const stored = cookies.find((c) => c.name === 'next-auth.session-token')!;
    expect(stored).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    expect(cookies.find((c) => c.name === 'next-auth.csrf-token')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // Not readable by page scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');
  });
});

test.describe('the Content-Security-Policy is satisfied', () => {
  test('public pages load with no violations, and their scripts run', async ({ context, page }) => {
    const problems = await watch(context, page);
    for (const url of [
      '/',
      '/findings',
      '/findings/EVX-000001',
      `/sources/${SEEDED_DOI}`,
      '/findings/EVX-000001/history',
      '/map',
      '/releases',
      '/sign-in',
    ]) {
      await visit(page, problems, url);
    }

    // Client JS works: the findings table sorts on click, without a full page load (a marker on window survives).
    await visit(page, problems, '/findings');
    await page.evaluate(() => ((window as unknown as { __stay: boolean }).__stay = true));
    const organHeader = page.getByRole('columnheader', { name: /Target organ/ });
    await organHeader.locator('button, a').first().click();
    await expect(organHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(await page.evaluate(() => (window as unknown as { __stay?: boolean }).__stay)).toBe(true);

    // The sign-in form validates and submits through JS (it has no action to fall back on).
    await visit(page, problems, '/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#email-error')).toBeVisible();
    await page.getByLabel('Email').fill(DEMO.admin);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('signed-in-as')).toContainText('admin');
    await expect(page).toHaveURL(/\/findings$/);
    expectClean(problems);
  });

  test('signed-in pages load with no violations, and their scripts run', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.admin);
    const problems = await watch(context, page);
    for (const url of [
      '/admin/users',
      '/admin/audit',
      '/admin/settings',
      '/my-work',
      '/review',
      '/notifications',
      '/sources/new',
      `/findings/new?doi=${SEEDED_DOI}`,
      '/findings/EVX-000002/edit',
      '/import',
      '/releases',
    ]) {
      await visit(page, problems, url);
    }

    // Client-side validation runs on the finding form (nothing is saved).
    await visit(page, problems, `/findings/new?doi=${SEEDED_DOI}`);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.locator('#targetOrgan-error')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Target organ', exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    // A client-side navigation keeps working under the policy.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    const form = page.getByRole('form', { name: 'Invite a user' });
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.locator('#new-email-error')).toBeVisible();
    expectClean(problems);
    await context.close();
  });
});
