import { DEMO, DEMO_PASSWORD, expect, signIn, signInAs, test } from './fixtures';

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

  test('more than 10 failures for one email are refused with "try again later", even with the right password', async ({
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
    for (let i = 0; i < 10; i++) {
      await signIn(page, email, `wrong-${i}`);
      await expect(page.locator('#sign-in-error')).toContainText('Wrong email or password.');
    }
    await signIn(page, email, DEMO_PASSWORD);
    await expect(page.locator('#sign-in-error')).toContainText('Try again in 15 minutes');
    await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
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
