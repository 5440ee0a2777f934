/**
 * Authorization matrix: every page, route handler and server action × every
 * kind of caller, from ONE table. Routes are discovered from the file system
 * and actions from the build's server-reference manifest, so a new route or
 * action without an entry here fails the first test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, newContext, signIn, test } from './fixtures';

type Caller = 'anonymous' | 'owner' | 'curator' | 'reviewer' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'owner', 'curator', 'reviewer', 'admin'];
/** ok: allowed; signin: sent to sign in / 401; forbidden: 403; notfound: hidden (404). */
type Outcome = 'ok' | 'signin' | 'forbidden' | 'notfound';
type Expect = Record<Caller, Outcome>;

const everyone: Expect = { anonymous: 'ok', owner: 'ok', curator: 'ok', reviewer: 'ok', admin: 'ok' };
const signedIn: Expect = { anonymous: 'signin', owner: 'ok', curator: 'ok', reviewer: 'ok', admin: 'ok' };
const reviewers: Expect = {
  anonymous: 'signin',
  owner: 'forbidden',
  curator: 'forbidden',
  reviewer: 'ok',
  admin: 'ok',
};
const admins: Expect = {
  anonymous: 'signin',
  owner: 'forbidden',
  curator: 'forbidden',
  reviewer: 'forbidden',
  admin: 'ok',
};
const ownerOnly: Expect = {
  anonymous: 'signin',
  owner: 'ok',
  curator: 'notfound',
  reviewer: 'notfound',
  admin: 'notfound',
};
const ownerOnlyPublic404: Expect = {
  anonymous: 'notfound',
  owner: 'ok',
  curator: 'notfound',
  reviewer: 'notfound',
  admin: 'notfound',
};

/** Sample values: DRAFT is a never-submitted draft of the owner; APPROVED a seeded finding. */
type Ctx = { DRAFT: string; APPROVED: string; DOI: string };

type RouteCase = {
  method: 'GET' | 'POST' | 'PATCH';
  url: (c: Ctx) => string;
  body?: unknown;
  expect: Expect;
  note?: string;
};

// Keyed by the file under app/ (page.tsx or route.ts). One entry may hold several cases.
const ROUTES: Record<string, RouteCase[]> = {
  'page.tsx': [{ method: 'GET', url: () => '/', expect: everyone }],
  '(auth)/sign-in/page.tsx': [
    {
      method: 'GET',
      url: () => '/sign-in',
      expect: everyone,
      note: 'signed-in users are redirected on, which is fine',
    },
  ],
  'findings/page.tsx': [
    { method: 'GET', url: () => '/findings', expect: everyone },
    {
      method: 'GET',
      url: () => '/findings?status=submitted',
      expect: { ...everyone, anonymous: 'ok' },
      note: 'anonymous gets a message, not the rows (checked in browse tests)',
    },
  ],
  'findings/[id]/page.tsx': [
    { method: 'GET', url: (c) => `/findings/${c.APPROVED}`, expect: everyone },
    { method: 'GET', url: (c) => `/findings/${c.DRAFT}`, expect: ownerOnlyPublic404 },
  ],
  'findings/[id]/history/page.tsx': [
    { method: 'GET', url: (c) => `/findings/${c.APPROVED}/history`, expect: everyone },
    {
      method: 'GET',
      url: (c) => `/findings/${c.DRAFT}/history`,
      expect: { ...ownerOnlyPublic404, curator: 'notfound' },
    },
  ],
  'findings/[id]/edit/page.tsx': [
    { method: 'GET', url: (c) => `/findings/${c.APPROVED}/edit`, expect: signedIn },
    { method: 'GET', url: (c) => `/findings/${c.DRAFT}/edit`, expect: ownerOnly },
  ],
  'findings/new/page.tsx': [{ method: 'GET', url: (c) => `/findings/new?doi=${c.DOI}`, expect: signedIn }],
  'sources/[...doi]/page.tsx': [{ method: 'GET', url: (c) => `/sources/${c.DOI}`, expect: everyone }],
  'sources/new/page.tsx': [{ method: 'GET', url: () => '/sources/new', expect: signedIn }],
  'my-work/page.tsx': [{ method: 'GET', url: () => '/my-work', expect: signedIn }],
  'notifications/page.tsx': [{ method: 'GET', url: () => '/notifications', expect: signedIn }],
  'review/page.tsx': [{ method: 'GET', url: () => '/review', expect: reviewers }],
  'review/[id]/page.tsx': [
    {
      method: 'GET',
      url: (c) => `/review/${c.DRAFT}`,
      expect: { ...reviewers, reviewer: 'notfound', admin: 'notfound' },
      note: 'a draft is not reviewable',
    },
  ],
  'map/page.tsx': [{ method: 'GET', url: () => '/map', expect: everyone }],
  'releases/page.tsx': [{ method: 'GET', url: () => '/releases', expect: everyone }],
  'releases/[tag]/page.tsx': [
    {
      method: 'GET',
      url: () => '/releases/1999.1.0',
      expect: {
        anonymous: 'notfound',
        owner: 'notfound',
        curator: 'notfound',
        reviewer: 'notfound',
        admin: 'notfound',
      },
      note: 'no such release',
    },
  ],
  'import/page.tsx': [{ method: 'GET', url: () => '/import', expect: signedIn }],
  'api/v1/findings/route.ts': [
    { method: 'GET', url: () => '/api/v1/findings', expect: everyone },
    {
      method: 'GET',
      url: () => '/api/v1/findings?status=draft',
      expect: { ...signedIn },
      note: 'drafts: signed-in callers see only their own',
    },
  ],
  'api/v1/findings/[id]/route.ts': [
    { method: 'GET', url: (c) => `/api/v1/findings/${c.APPROVED}`, expect: everyone },
    { method: 'GET', url: (c) => `/api/v1/findings/${c.DRAFT}`, expect: ownerOnlyPublic404 },
  ],
  'api/v1/sources/[...doi]/route.ts': [{ method: 'GET', url: (c) => `/api/v1/sources/${c.DOI}`, expect: everyone }],
  'api/v1/openapi.json/route.ts': [{ method: 'GET', url: () => '/api/v1/openapi.json', expect: everyone }],
  'api/v1/export/route.ts': [
    { method: 'GET', url: () => '/api/v1/export?format=ndjson&organ=UBERON:0001474', expect: everyone },
  ],
  'api/v1/releases/route.ts': [{ method: 'GET', url: () => '/api/v1/releases', expect: everyone }],
  'api/v1/releases/[tag]/[file]/route.ts': [
    {
      method: 'GET',
      url: () => '/api/v1/releases/1999.1.0/findings.csv',
      expect: {
        anonymous: 'notfound',
        owner: 'notfound',
        curator: 'notfound',
        reviewer: 'notfound',
        admin: 'notfound',
      },
    },
  ],
  'admin/users/page.tsx': [{ method: 'GET', url: () => '/admin/users', expect: admins }],
  'admin/audit/page.tsx': [{ method: 'GET', url: () => '/admin/audit', expect: admins }],
  'admin/settings/page.tsx': [{ method: 'GET', url: () => '/admin/settings', expect: admins }],
  'admin/audit/export/route.ts': [{ method: 'GET', url: () => '/admin/audit/export', expect: admins }],
  'api/health/route.ts': [{ method: 'GET', url: () => '/api/health', expect: everyone }],
  'api/auth/[...nextauth]/route.ts': [{ method: 'GET', url: () => '/api/auth/csrf', expect: everyone }],
  'api/admin/users/route.ts': [
    { method: 'GET', url: () => '/api/admin/users', expect: admins },
    {
      method: 'POST',
      url: () => '/api/admin/users',
      body: { email: 'x' },
      expect: { ...admins, admin: 'ok' },
      note: 'admin: 400 for the bad body',
    },
  ],
  'api/admin/users/[id]/route.ts': [
    {
      method: 'PATCH',
      url: () => '/api/admin/users/999999',
      body: { role: 'curator' },
      expect: { ...admins, admin: 'notfound' },
      note: 'admin: no such user',
    },
  ],
  'api/admin/settings/route.ts': [
    { method: 'GET', url: () => '/api/admin/settings', expect: admins },
    { method: 'POST', url: () => '/api/admin/settings', body: { approvalsRequired: 9 }, expect: admins },
  ],
  'api/findings/route.ts': [
    {
      method: 'POST',
      url: () => '/api/findings',
      body: { doi: '10.1007/s00125-014-3337-2', content: {} },
      expect: signedIn,
    },
  ],
  'api/findings/[id]/route.ts': [
    {
      method: 'PATCH',
      url: (c) => `/api/findings/${c.DRAFT}`,
      body: { lockVersion: 'x' },
      expect: signedIn,
      note: 'bad body → 400 after the auth check',
    },
  ],
  'api/findings/[id]/submit/route.ts': [
    { method: 'POST', url: (c) => `/api/findings/${c.DRAFT}/submit`, body: { lockVersion: 'x' }, expect: signedIn },
  ],
  'api/findings/[id]/decisions/route.ts': [
    { method: 'POST', url: (c) => `/api/findings/${c.APPROVED}/decisions`, body: { decision: 'x' }, expect: reviewers },
  ],
  'api/findings/[id]/workflow/route.ts': [
    { method: 'GET', url: (c) => `/api/findings/${c.APPROVED}/workflow`, expect: signedIn },
    { method: 'GET', url: (c) => `/api/findings/${c.DRAFT}/workflow`, expect: ownerOnly },
  ],
};

/** Server actions by file and name: who gets past the auth check. Called with a bad payload, so nothing changes. */
const ACTIONS: Record<string, Expect> = {
  'app/admin/users/actions.ts#createUserAction': admins,
  'app/admin/users/actions.ts#changeRoleAction': admins,
  'app/admin/users/actions.ts#setDisabledAction': admins,
  'app/admin/settings/actions.ts#updateSettingsAction': admins,
  'app/findings/actions.ts#createFindingAction': signedIn,
  'app/findings/actions.ts#saveDraftAction': signedIn,
  'app/findings/actions.ts#submitFindingAction': signedIn,
  'app/findings/actions.ts#revertAction': signedIn,
  'app/findings/[id]/actions.ts#addCommentAction': signedIn,
  'app/findings/[id]/actions.ts#raiseFlagAction': signedIn,
  'app/findings/[id]/actions.ts#resolveFlagAction': reviewers,
  'app/review/actions.ts#decideAction': reviewers,
  'app/review/actions.ts#withdrawAction': signedIn,
  'app/review/actions.ts#reopenAction': admins,
  'app/sources/actions.ts#lookupDoiAction': signedIn,
  'app/sources/actions.ts#createSourceAction': signedIn,
  'app/sources/actions.ts#updateSourceAction': signedIn,
  'app/import/actions.ts#importFindingsAction': signedIn,
  'app/releases/actions.ts#cutReleaseAction': admins,
};

function discoverRoutes(dir = 'app', base = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = base ? `${base}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...discoverRoutes(full, rel));
    else if (name === 'page.tsx' || name === 'route.ts') out.push(rel);
  }
  return out.sort();
}

function discoverActions(): { key: string; id: string; page: string }[] {
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
function pagePath(worker: string, c: Ctx): string {
  return (
    worker
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .replace(/\/\([^)]+\)/g, '')
      .replace('[...doi]', c.DOI)
      .replace('[id]', c.APPROVED) || '/'
  );
}

async function outcomeOf(res: { status(): number; url(): string }, requested: string): Promise<Outcome> {
  const status = res.status();
  const landed = new URL(res.url()).pathname;
  if (status === 401 || (landed === '/sign-in' && !requested.startsWith('/sign-in'))) return 'signin';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notfound';
  if (status >= 500) return `error ${status}` as Outcome;
  return 'ok';
}

test.describe.configure({ mode: 'serial' });

test.describe('authorization matrix', () => {
  const requests = {} as Record<Caller, APIRequestContext>;
  const contexts: BrowserContext[] = [];
  const ctx: Ctx = { DRAFT: '', APPROVED: 'EVX-000001', DOI: '10.1007/s00125-014-3337-2' };

  async function login(browser: Browser, email: string | null) {
    const c = await newContext(browser);
    contexts.push(c);
    if (email) {
      const p = await c.newPage();
      await signIn(p, email);
      await expect(p.getByTestId('signed-in-as')).toBeVisible();
      await p.close();
    }
    return c.request;
  }

  test.beforeAll(async ({ browser }) => {
    requests.admin = await login(browser, DEMO.admin);
    const other = `other.curator.${Date.now()}@example.org`;
    const created = await requests.admin.post('/api/admin/users', {
      data: { email: other, name: 'Other Curator', role: 'curator', password: DEMO_PASSWORD },
    });
    expect(created.status()).toBe(201);
    requests.anonymous = await login(browser, null);
    requests.owner = await login(browser, DEMO.curator);
    requests.curator = await login(browser, other);
    requests.reviewer = await login(browser, DEMO.reviewer);
    const draft = await requests.owner.post('/api/findings', {
      data: { doi: ctx.DOI, content: { targetOrgan: 'UBERON:0002107', result: 'A private draft.' } },
    });
    expect(draft.status()).toBe(201);
    ctx.DRAFT = (await draft.json()).publicId;
  });
  test.afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  test('every route file and every server action has an entry in the table', () => {
    const routes = discoverRoutes();
    expect(
      routes.filter((r) => !ROUTES[r]),
      'routes without an authorization entry',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((r) => !routes.includes(r)),
      'entries for routes that no longer exist',
    ).toEqual([]);
    const actions = discoverActions().map((a) => a.key);
    expect(
      actions.filter((a) => !ACTIONS[a]),
      'server actions without an authorization entry',
    ).toEqual([]);
  });

  test('pages and route handlers answer each caller as the table says', async () => {
    const mismatches: string[] = [];
    for (const cases of Object.values(ROUTES)) {
      for (const c of cases) {
        const url = c.url(ctx);
        for (const caller of CALLERS) {
          const r = requests[caller];
          const res =
            c.method === 'GET'
              ? await r.get(url, { maxRedirects: 5 })
              : c.method === 'POST'
                ? await r.post(url, { data: c.body ?? {} })
                : await r.patch(url, { data: c.body ?? {} });
          const got = await outcomeOf(res, url);
          if (got !== c.expect[caller])
            mismatches.push(
              `${c.method} ${url} as ${caller}: expected ${c.expect[caller]}, got ${got} (${res.status()})`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  test('server actions called directly refuse whoever the table says', async () => {
    const mismatches: string[] = [];
    for (const action of discoverActions()) {
      const expectation = ACTIONS[action.key]!;
      for (const caller of CALLERS) {
        const res = await requests[caller].post(pagePath(action.page, ctx), {
          headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
          // A payload no action accepts: past the auth check it is refused as invalid, so nothing changes.
          data: JSON.stringify([{ bogus: true }]),
        });
        const body = await res.text();
        // The proxy sends signed-out visitors of protected areas to sign in before the action runs.
        const redirected = new URL(res.url()).pathname === '/sign-in';
        const got: Outcome =
          redirected || /"error":"unauthorized"/.test(body)
            ? 'signin'
            : /"error":"forbidden"/.test(body)
              ? 'forbidden'
              : /"ok":(true|false)/.test(body)
                ? 'ok'
                : (`unexpected ${res.status()}` as Outcome);
        const want = expectation[caller];
        if (got !== want)
          mismatches.push(
            `${action.key} as ${caller}: expected ${want}, got ${got} (${res.status()}) ${body.slice(0, 120)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});
