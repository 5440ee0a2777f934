/** The authorization matrix's plumbing: discovering routes and actions, calling them, reading the outcome. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { Ctx, Outcome, RouteCase } from './authz-matrix-table';

/** Every page.tsx and route.ts under app/, relative to it. */
export function discoverRoutes(dir = 'app', base = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = base ? `${base}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...discoverRoutes(full, rel));
    else if (name === 'page.tsx' || name === 'route.ts') out.push(rel);
  }
  return out.sort();
}

export type ActionRef = { key: string; id: string; page: string };

/** Every server action of the build (its manifest), with a page that can carry a call to it. */
export function discoverActions(): ActionRef[] {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  const manifest = JSON.parse(readFileSync(path.join(dist, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => {
    const page = Object.keys(a.workers).find((w) => w.endsWith('/page')) ?? Object.keys(a.workers)[0]!;
    return { key: `${a.filename}#${a.exportedName}`, id, page };
  });
}

/** A concrete URL path for a page worker such as app/findings/[id]/edit/page. */
export function pagePath(worker: string, c: Ctx): string {
  return (
    worker
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .replace(/\/\([^)]+\)/g, '')
      .replace('[...doi]', c.DOI)
      .replace('[id]', c.APPROVED) || '/'
  );
}

/** The pages that still answer 200 with a message when the dataset is not public. */
const NOT_PUBLIC = /This dataset is not public|data-testid="not-public"/;

export async function outcomeOf(res: APIResponse, requested: string): Promise<Outcome> {
  const status = res.status();
  const landed = new URL(res.url()).pathname;
  if (status === 401 || (landed === '/sign-in' && !requested.startsWith('/sign-in'))) return 'signin';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notfound';
  if (status >= 500) return `error ${status}` as Outcome;
  if (status === 200 && NOT_PUBLIC.test(await res.text())) return 'signin';
  return 'ok';
}

export function send(r: APIRequestContext, c: RouteCase, url: string): Promise<APIResponse> {
  if (c.method === 'GET') return r.get(url, { maxRedirects: 5 });
  const data = c.body ?? {};
  const options = typeof data === 'string' ? { data, headers: { 'content-type': 'text/csv' } } : { data };
  return c.method === 'POST' ? r.post(url, options) : r.patch(url, options);
}

/** Calls a server action the way the browser does (a POST to a page carrying its id). */
export async function callAction(r: APIRequestContext, action: ActionRef, c: Ctx, input: unknown) {
  const res = await r.post(pagePath(action.page, c), {
    headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify([input]),
  });
  return { res, body: await res.text() };
}

/** The `{ok, error}` of an action's result in its RSC answer; `redirected` when the proxy sent it to sign in. */
export function actionResult(res: APIResponse, body: string): { ok?: boolean; error?: string; redirected: boolean } {
  const ok = /"ok":(true|false)/.exec(body)?.[1];
  return {
    ok: ok === undefined ? undefined : ok === 'true',
    error: /"error":"(\w+)"/.exec(body)?.[1],
    redirected: new URL(res.url()).pathname === '/sign-in',
  };
}

export function actionOutcome(res: APIResponse, body: string): Outcome {
  const r = actionResult(res, body);
  if (r.redirected || r.error === 'unauthorized') return 'signin';
  if (r.error === 'forbidden') return 'forbidden';
  if (r.ok !== undefined) return 'ok';
  return `unexpected ${res.status()}` as Outcome;
}

export async function setPublicRead(admin: APIRequestContext, publicRead: boolean) {
  const res = await admin.post('/api/admin/settings', { data: { publicRead } });
  expect(res.status(), await res.text()).toBe(200);
}

/** Creates a personal token on the settings page as the signed-in user; returns its secret (shown once). */
export async function createToken(page: Page, name: string, access: 'read' | 'write'): Promise<string> {
  await page.goto('/settings/tokens');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Access').selectOption(access);
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByTestId('new-token');
  await expect(shown).toBeVisible();
  const raw = await shown.evaluate((el) => (el instanceof HTMLInputElement ? el.value : (el.textContent ?? '')));
  const secret = (/evx_\S+/.exec(raw) ?? [raw.trim()])[0];
  expect(secret, `the new token's secret in ${JSON.stringify(raw)}`).toMatch(/^\S{8,200}$/);
  return secret;
}

export async function revokeToken(page: Page, name: string) {
  await page.goto('/settings/tokens');
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('token-row').filter({ hasText: name }).getByRole('button', { name: 'Revoke' }).click();
}

/** A page's text as a reader sees it (tags and React's text separators dropped), scripts' payloads included. */
export function visibleText(html: string): string {
  return html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}
