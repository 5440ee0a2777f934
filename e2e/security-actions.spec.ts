import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, newContext, signInAs, test } from './fixtures';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

test.describe('server actions refuse cross-origin calls', () => {
  function actionId(name: string): string {
    const manifest = JSON.parse(
      readFileSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
    ) as { node: Record<string, { exportedName?: string }> };
    const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === name)?.[0];
    if (!id) throw new Error(`no server action ${name} in the build`);
    return id;
  }

  const callAction = (page: Page, origin: string, id: string, email: string) =>
    page.request.post('/admin/users', {
      headers: {
        Origin: origin,
        'Next-Action': id,
        Accept: 'text/x-component',
        'Content-Type': 'text/plain;charset=UTF-8',
      },
      data: JSON.stringify([{ email, name: 'Cross Origin', role: 'curator', orcid: '', password: DEMO_PASSWORD }]),
    });

  test('a POST to a server action from another origin is refused and does nothing', async ({ browser }) => {
    const admin = await signInAs(browser, DEMO.admin);
    const id = actionId('createUserAction');
    const stamp = Date.now();

    const bogus = await admin.page.request.post('/admin/users', {
      headers: { Origin: 'http://evil.example', 'Next-Action': 'x' },
      data: '[]',
    });
    expect(bogus.ok()).toBe(false);

    const evil = `csrf-evil-${stamp}@example.org`;
    const refused = await callAction(admin.page, 'http://evil.example', id, evil);
    expect(refused.ok(), `status ${refused.status()}`).toBe(false);

    // The same request from the app's own origin works, so the refusal above is the origin check's.
    const good = `csrf-same-origin-${stamp}@example.org`;
    const accepted = await callAction(admin.page, ORIGIN, id, good);
    expect(accepted.status()).toBe(200);

    expect(await accepted.text()).toContain('"ok":true');
    const { users } = (await (await admin.page.request.get('/api/admin/users')).json()) as {
      users: { email: string }[];
    };
    const emails = users.map((u) => u.email);
    expect(emails).toContain(good);
    expect(emails).not.toContain(evil);
    await admin.context.close();
  });

  test('an anonymous cross-site form post cannot reach an action either', async ({ browser }) => {
    const context = await newContext(browser);
    const r = await context.request.post('/admin/users', {
      headers: { Origin: 'http://evil.example', 'Next-Action': actionId('createUserAction') },
      data: '[]',
      maxRedirects: 0,
    });
    expect(r.ok()).toBe(false);
    await context.close();
  });
});
