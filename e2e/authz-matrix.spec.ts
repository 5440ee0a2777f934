/**
 * Authorization matrix: every page, route handler and server action × every kind of caller
 * (anonymous, the owner of a private draft, another curator, a reviewer, an admin, and the owner's
 * read-only and read-write API tokens), with public read on and off, from ONE table
 * (authz-matrix-table.ts). Routes are discovered from the file system and actions from the build's
 * server-reference manifest, so a new route or action without an entry fails the first test.
 */
import { request as playwrightRequest, type APIRequestContext, type Browser } from '@playwright/test';
import { ACTIONS, CALLERS, type Caller, type Ctx, expected, expectedAction, ROUTES } from './authz-matrix-table';
import {
  actionOutcome,
  actionResult,
  callAction,
  createToken,
  discoverActions,
  discoverRoutes,
  outcomeOf,
  revokeToken,
  send,
  setPublicRead,
  visibleText,
} from './authz-matrix-test-kit';
import { DEMO, DEMO_PASSWORD, expect, newContext, signIn, test } from './fixtures';

const INVALID_TOKEN = 'evx_invalid_0000000000000000000000000000';

test.describe('authorization matrix', () => {
  const requests = {} as Record<Caller, APIRequestContext>;
  const disposers: (() => Promise<void>)[] = [];
  const ctx: Ctx = { DRAFT: '', APPROVED: 'EVX-000001', DOI: '10.1007/s00125-014-3337-2' };
  let baseURL = '';
  let draftFindingId = 0;
  let revoked = '';

  async function login(browser: Browser, email: string | null) {
    const c = await newContext(browser);
    disposers.push(() => c.close());
    const page = await c.newPage();
    if (email) {
      await signIn(page, email);
      await expect(page.getByTestId('signed-in-as')).toBeVisible();
    }
    return { request: c.request, page };
  }

  /** A client with no cookies that sends the token on every request. */
  async function bearer(token: string) {
    const r = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    disposers.push(() => r.dispose());
    return r;
  }

  test.beforeAll(async ({ browser }, info) => {
    test.setTimeout(120_000);
    baseURL = info.project.use.baseURL!;
    requests.admin = (await login(browser, DEMO.admin)).request;
    await setPublicRead(requests.admin, true);
    const other = `other.curator.${Date.now()}@example.org`;
    const created = await requests.admin.post('/api/admin/users', {
      data: { email: other, name: 'Other Curator', role: 'curator', password: DEMO_PASSWORD },
    });
    expect(created.status()).toBe(201);
    requests.anonymous = (await login(browser, null)).request;
    const owner = await login(browser, DEMO.curator);
    requests.owner = owner.request;
    requests.curator = (await login(browser, other)).request;
    requests.reviewer = (await login(browser, DEMO.reviewer)).request;

    const draft = await requests.owner.post('/api/findings', {
      data: { doi: ctx.DOI, content: { targetOrgan: 'UBERON:0002107', result: 'A private draft.' } },
    });
    expect(draft.status()).toBe(201);
    ctx.DRAFT = (await draft.json()).publicId;
    // The edit form gets the internal id as a prop; it travels in the page's RSC payload.
    const edit = await requests.owner.get(`/findings/${ctx.DRAFT}/edit`);
    draftFindingId = Number(/findingId\\?":(\d+)/.exec(await edit.text())?.[1]);
    expect(draftFindingId, 'the draft finding id in the edit page').toBeGreaterThan(0);

    const stamp = Date.now();
    requests.tokenRead = await bearer(await createToken(owner.page, `matrix read ${stamp}`, 'read'));
    requests.tokenWrite = await bearer(await createToken(owner.page, `matrix write ${stamp}`, 'write'));
    revoked = await createToken(owner.page, `matrix revoked ${stamp}`, 'write');
    await revokeToken(owner.page, `matrix revoked ${stamp}`);
    const probe = await bearer(revoked);
    await expect.poll(async () => (await probe.get('/api/v1/releases')).status(), 'the revoked token').toBe(401);
  });

  test.afterAll(async () => {
    // Other spec files run after this one on the same server.
    if (requests.admin) await setPublicRead(requests.admin, true);
    for (const dispose of disposers) await dispose();
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
    expect(
      Object.keys(ACTIONS).filter((a) => !actions.includes(a)),
      'entries for actions that no longer exist',
    ).toEqual([]);
  });

  async function routeMismatches(publicRead: boolean): Promise<string[]> {
    const mismatches: string[] = [];
    for (const [file, cases] of Object.entries(ROUTES)) {
      for (const c of cases) {
        const url = c.url(ctx);
        // One case at a time, its callers together: little load, but not one request after another.
        const got = await Promise.all(CALLERS.map(async (caller) => send(requests[caller], c, url)));
        for (const [i, caller] of CALLERS.entries()) {
          const outcome = await outcomeOf(got[i]!, url);
          const want = expected(file, c, caller, publicRead);
          if (outcome !== want)
            mismatches.push(`${c.method} ${url} as ${caller}: expected ${want}, got ${outcome} (${got[i]!.status()})`);
        }
      }
    }
    return mismatches;
  }

  async function actionMismatches(): Promise<string[]> {
    const mismatches: string[] = [];
    for (const action of discoverActions()) {
      const expectation = ACTIONS[action.key]!;
      // A payload no action accepts: past the auth check it is refused as invalid, so nothing changes.
      const got = await Promise.all(
        CALLERS.map((caller) => callAction(requests[caller], action, ctx, { bogus: true })),
      );
      for (const [i, caller] of CALLERS.entries()) {
        const { res, body } = got[i]!;
        const outcome = actionOutcome(res, body);
        const want = expectedAction(expectation, caller);
        if (outcome !== want)
          mismatches.push(
            `${action.key} as ${caller}: expected ${want}, got ${outcome} (${res.status()}) ${body.slice(0, 120)}`,
          );
      }
    }
    return mismatches;
  }

  /** A bad token is refused with 401 on reads and writes, even next to a valid session cookie. */
  async function badTokenMismatches(): Promise<string[]> {
    const mismatches: string[] = [];
    const probes = [
      { method: 'GET', url: `/api/v1/findings/${ctx.APPROVED}` },
      { method: 'POST', url: '/api/findings', data: { doi: ctx.DOI, content: 'not an object' } },
    ] as const;
    for (const [label, token] of [
      ['invalid', INVALID_TOKEN],
      ['revoked', revoked],
    ] as const) {
      const tokenOnly = await bearer(token);
      for (const [who, r] of [
        ['no cookie', tokenOnly],
        ['the owner cookie', requests.owner],
      ] as const) {
        for (const p of probes) {
          const headers = { authorization: `Bearer ${token}` };
          const res =
            p.method === 'GET' ? await r.get(p.url, { headers }) : await r.post(p.url, { headers, data: p.data });
          const body = await res.text();
          if (res.status() !== 401 || !body.includes('"error":"unauthorized"'))
            mismatches.push(
              `${p.method} ${p.url} with a ${label} token and ${who}: ${res.status()} ${body.slice(0, 120)}`,
            );
        }
      }
    }
    return mismatches;
  }

  for (const publicRead of [true, false]) {
    const setting = `public read ${publicRead ? 'on' : 'off'}`;

    test(`${setting}: pages, route handlers and server actions answer each caller as the table says`, async () => {
      test.setTimeout(600_000);
      await setPublicRead(requests.admin, publicRead);
      try {
        expect(await routeMismatches(publicRead), 'pages and route handlers').toEqual([]);
        expect(await actionMismatches(), 'server actions').toEqual([]);
        expect(await badTokenMismatches(), 'invalid and revoked tokens').toEqual([]);
      } finally {
        await setPublicRead(requests.admin, true);
      }
    });
  }

  test('public read off: the anonymous pages hold no finding text and no counts', async () => {
    const api = await requests.admin.get(`/api/v1/findings/${ctx.APPROVED}`);
    expect(api.status()).toBe(200);
    const result = JSON.stringify(await api.json()).match(/"result":"([^"\\]{20,})/)?.[1];
    expect(result, 'the result text of the seeded finding').toBeTruthy();
    // A stretch of plain characters, so that HTML escaping cannot hide a match.
    const snippet = result!
      .match(/[A-Za-z0-9 ,.-]{20,}/)![0]
      .slice(0, 60)
      .trim();
    const home = visibleText(await (await requests.admin.get('/')).text());
    const approved = Number(/(\d+) approved findings/.exec(home)?.[1]);
    const sources = Number(/(\d+) sources/.exec(home)?.[1]);
    expect(approved, 'the approved count on the home page').toBeGreaterThan(0);
    expect(sources, 'the source count on the home page').toBeGreaterThan(0);

    const pages = [
      '/',
      `/findings/${ctx.APPROVED}`,
      `/findings/${ctx.APPROVED}/history`,
      `/sources/${ctx.DOI}`,
      '/map',
    ];
    await setPublicRead(requests.admin, false);
    try {
      // The probes can fail: signed in, the finding page holds the text and the map the count.
      const shown = await requests.admin.get(`/findings/${ctx.APPROVED}`);
      expect(await shown.text()).toContain(snippet);
      expect(visibleText(await (await requests.admin.get('/map')).text())).toContain(`${approved} approved`);
      const leaks: string[] = [];
      for (const url of pages) {
        const res = await requests.anonymous.get(url);
        const html = await res.text();
        const text = visibleText(html);
        if (html.includes(snippet)) leaks.push(`${url} holds the result of ${ctx.APPROVED}`);
        if (new RegExp(`\\b${approved} approved`).test(text)) leaks.push(`${url} holds the approved count`);
        if (new RegExp(`\\b${sources} sources`).test(text)) leaks.push(`${url} holds the source count`);
        if (res.status() !== 401 && !(res.status() === 200 && /data-testid="not-public"/.test(html)))
          leaks.push(`${url} answers ${res.status()}, neither 401 nor the not-public message`);
      }
      expect(leaks).toEqual([]);
    } finally {
      await setPublicRead(requests.admin, true);
    }
  });

  test("comments and flags on the owner's private draft: hidden from everyone else, nothing written", async () => {
    const actions = discoverActions();
    const comment = actions.find((a) => a.key.endsWith('#addCommentAction'))!;
    const flag = actions.find((a) => a.key.endsWith('#raiseFlagAction'))!;
    const stamp = Date.now();
    const body = (caller: Caller) => `Matrix comment by ${caller} ${stamp}.`;
    // The owner may comment; a flag is refused for a finding never approved (a rule, not an authorization).
    const want: Record<Caller, { comment: string; flag: string }> = {
      anonymous: { comment: 'unauthorized', flag: 'unauthorized' },
      owner: { comment: 'ok', flag: 'conflict' },
      curator: { comment: 'not_found', flag: 'not_found' },
      reviewer: { comment: 'not_found', flag: 'not_found' },
      admin: { comment: 'not_found', flag: 'not_found' },
      tokenRead: { comment: 'unauthorized', flag: 'unauthorized' },
      tokenWrite: { comment: 'unauthorized', flag: 'unauthorized' },
    };
    const mismatches: string[] = [];
    for (const caller of CALLERS) {
      for (const [kind, action, input] of [
        ['comment', comment, { findingId: draftFindingId, body: body(caller) }],
        ['flag', flag, { findingId: draftFindingId, reason: 'other', note: `Matrix flag by ${caller} ${stamp}.` }],
      ] as const) {
        const { res, body: answer } = await callAction(requests[caller], action, ctx, input);
        const r = actionResult(res, answer);
        const got = r.ok ? 'ok' : r.redirected ? 'unauthorized' : (r.error ?? `status ${res.status()}`);
        if (got !== want[caller][kind])
          mismatches.push(`${kind} as ${caller}: expected ${want[caller][kind]}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);

    const page = await (await requests.owner.get(`/findings/${ctx.DRAFT}`)).text();
    expect(page, "the owner's own comment is there").toContain(body('owner'));
    for (const caller of CALLERS.filter((c) => c !== 'owner'))
      expect(page, `no comment by ${caller}`).not.toContain(body(caller));
    const trail = await (await requests.owner.get(`/api/findings/${ctx.DRAFT}/workflow`)).json();
    expect(JSON.stringify(trail), 'no flag was raised').not.toContain('flag.raise');
  });
});
