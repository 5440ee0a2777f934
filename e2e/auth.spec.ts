import { DEMO, DEMO_PASSWORD, expect, fakeIp, newContext, signIn, signInAs, test } from './fixtures';

test.describe('sign-in and roles', () => {
  for (const [role, email] of [
    ['curator', DEMO.curator],
    ['reviewer', DEMO.reviewer],
    ['reviewer', DEMO.reviewer2],
    ['admin', DEMO.admin],
  ] as const) {
    test(`${email} signs in and sees the ${role} role in the nav`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(/\/findings$/);
      await expect(page.getByTestId('signed-in-as')).toContainText(role);
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(
        role === 'admin' ? 1 : 0,
      );
    });
  }

  test('a wrong password and an unknown account get the same generic message', async ({ page }) => {
    await signIn(page, DEMO.curator, 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: 'Wrong email or password.' });
    await expect(alert).toBeVisible();
    await signIn(page, 'nobody@example.org', 'not-the-password');
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible();
    await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  });

  test('after 5 failures from one address the account waits there (saying how long), but not elsewhere', async ({
    page,
    browser,
  }) => {
    const admin = await signInAs(browser, DEMO.admin);
    const email = `locked-${Date.now()}@example.org`;
    const created = await admin.page.request.post('/api/admin/users', {
      data: { email, name: 'Locked Out', role: 'curator', password: DEMO_PASSWORD },
    });
    expect(created.status()).toBe(201);
    await admin.context.close();
    // The e2e server trusts one proxy hop: the rightmost entry is the address; what a client forges to its left is
    // ignored, so rotating it does not escape the limit.
    const address = fakeIp();
    for (let i = 0; i < 5; i++) {
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.66.0.${i + 1}, ${address}` });
      await signIn(page, email, `wrong-${i}`);
      await expect(page.locator('#sign-in-error')).toContainText('Wrong email or password.');
    }
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.66.0.99, ${address}` });
    await signIn(page, email, DEMO_PASSWORD);
    await expect(page.locator('#sign-in-error')).toContainText(
      /Too many failed sign-in attempts\. Try again in \d+ (second|minute)/,
    );
    await expect(page.getByTestId('signed-in-as')).toHaveCount(0);

    // The owner, from another address, signs in at once.
    const elsewhere = await newContext(browser);
    const ownerPage = await elsewhere.newPage();
    await signIn(ownerPage, email, DEMO_PASSWORD);
    await expect(ownerPage.getByTestId('signed-in-as')).toBeVisible();
    await elsewhere.close();
  });

  test('a callback that a browser would read as another site is not followed after sign-in', async ({ page }) => {
    for (const callback of ['/\\evil.example', '//evil.example', 'https://evil.example/', '/\t/evil.example']) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callback)}`);
      await page.getByLabel('Email').fill(DEMO.curator);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/findings$/);
      await expect(page.getByTestId('signed-in-as')).toBeVisible();
    }
  });

  test('bad input in the sign-in form gives field errors, not a crash', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
    for (const bad of ['x'.repeat(100_000), 'a\u0000b@example.org', '<b>x</b>@example.org']) {
      await page.getByLabel('Email').fill(bad);
      await page.getByLabel('Password').fill('whatever');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.locator('#email-error')).toBeVisible();
      await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    }
  });

  test('a signed-out visitor of the admin page is sent to sign in, then back', async ({ page }) => {
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers/);
    await page.getByLabel('Email').fill(DEMO.admin);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  });

  test('sign out ends the session', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.curator);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await page.goto('/findings');
    await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
    await context.close();
  });
});
