import { DEMO, DEMO_PASSWORD, expect, newContext, signIn, signInAs, test } from './fixtures';

test.describe('admin users page and API', () => {
  test('a curator gets a 403 page at the admin page, and 403 from the admin API', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.curator);
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: '403 — Not allowed' })).toBeVisible();

    const list = await page.request.get('/api/admin/users');
    expect(list.status()).toBe(403);
    expect((await list.json()).error).toBe('forbidden');
    const create = await page.request.post('/api/admin/users', {
      data: { email: 'sneaky@example.org', name: 'Sneaky', role: 'admin', password: 'long-enough-password' },
    });
    expect(create.status()).toBe(403);
    const promote = await page.request.patch('/api/admin/users/1', { data: { role: 'admin' } });
    expect(promote.status()).toBe(403);
    await context.close();
  });

  test('an anonymous caller gets 401 from the admin API', async ({ page }) => {
    const r = await page.request.get('/api/admin/users');
    expect(r.status()).toBe(401);
    expect((await r.json()).error).toBe('unauthorized');
  });

  test('the admin API answers bad JSON and bad fields with 400, never 500', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.admin);
    const garbage = await page.request.post('/api/admin/users', {
      data: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(garbage.status()).toBe(400);
    const bad = await page.request.post('/api/admin/users', {
      data: { email: 'x\u0000@example.org', name: '<script>alert(1)</script>', role: 'overlord', password: 'short' },
    });
    expect(bad.status()).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body.fields).sort()).toEqual(['email', 'name', 'password', 'role']);
    const badId = await page.request.patch('/api/admin/users/abc', { data: { role: 'admin' } });
    expect(badId.status()).toBe(400);
    await context.close();
  });

  test('bad input in the invite form gives field errors and creates nothing', async ({ browser }) => {
    const { context, page } = await signInAs(browser, DEMO.admin);
    await page.goto('/admin/users');
    const form = page.getByRole('form', { name: 'Invite a user' });
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.locator('#new-email-error')).toBeVisible();
    await expect(form.locator('#new-name-error')).toHaveText('Required.');
    await expect(form.locator('#new-password-error')).toBeVisible();

    await form.getByLabel('Email').fill('new.person@example.org');
    await form.getByLabel('Name').fill('<img src=x onerror=alert(1)>');
    await form.getByLabel('Initial password').fill('a-long-enough-password');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.locator('#new-name-error')).toContainText('HTML tags are not allowed');

    await form.getByLabel('Name').fill('x'.repeat(100_000));
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.locator('#new-name-error')).toContainText('At most 120 characters');

    await form.getByLabel('Name').fill('Nul\u0000Byte');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.locator('#new-name-error')).toContainText('control character');

    // The same email as an existing account (in another case) is refused on the field.
    await form.getByLabel('Name').fill('Casey Again');
    await form.getByLabel('Email').fill('Curator@Example.org');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.locator('#new-email-error')).toHaveText('An account with this email already exists.');
    await expect(page.getByTestId('user-new.person@example.org')).toHaveCount(0);
    await context.close();
  });

  test('an admin creates a user, who can sign in; a disabled user is signed out on the next request', async ({
    browser,
  }) => {
    const admin = await signInAs(browser, DEMO.admin);
    const email = `pat.${Date.now()}@example.org`;
    await admin.page.goto('/admin/users');
    const form = admin.page.getByRole('form', { name: 'Invite a user' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Name').fill('Pat Newcomer');
    await form.getByLabel('Role').selectOption('reviewer');
    await form.getByLabel('Initial password').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(admin.page.getByRole('status').filter({ hasText: `Account ${email} created.` })).toBeVisible();
    await expect(admin.page.getByTestId(`user-${email}`)).toBeVisible();

    const userContext = await newContext(browser);
    const user = await userContext.newPage();
    await signIn(user, email);
    await expect(user.getByTestId('signed-in-as')).toContainText('reviewer');

    // Role change takes effect on the user's next request.
    await admin.page.getByLabel(`Role of ${email}`).selectOption('curator');
    await expect(admin.page.getByTestId(`user-${email}`).getByRole('status')).toHaveText('Role changed to curator.');
    await user.reload();
    await expect(user.getByTestId('signed-in-as')).toContainText('curator');

    await admin.page.getByRole('button', { name: `Disable ${email}` }).click();
    await expect(admin.page.getByTestId(`user-${email}`).getByRole('status')).toHaveText('Account disabled.');
    await user.reload();
    await expect(user.getByTestId('signed-in-as')).toHaveCount(0);
    await expect(user.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await signIn(user, email);
    await expect(user.locator('#sign-in-error')).toContainText('Wrong email or password.');

    await userContext.close();
    await admin.context.close();
  });
});
