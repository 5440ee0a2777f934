/**
 * The authorization matrix's table: who gets what from every page, route handler and server action,
 * with public read on (`expect`) and off (`expect` overlaid with `private`). Personal API tokens (of
 * the owner) follow one rule, computed by `expected()`: pages and server actions ignore tokens, so a
 * token caller gets what an anonymous visitor gets; route handlers act as the owner, except that a
 * read-only token may not write (403). `tokens` overrides that rule for one case.
 */
export type SessionCaller = 'anonymous' | 'owner' | 'curator' | 'reviewer' | 'admin';
export type TokenCaller = 'tokenRead' | 'tokenWrite';
export type Caller = SessionCaller | TokenCaller;
export const CALLERS: Caller[] = ['anonymous', 'owner', 'curator', 'reviewer', 'admin', 'tokenRead', 'tokenWrite'];

/** ok: allowed; signin: sent to sign in / 401 / the "not public" message; forbidden: 403; notfound: hidden (404). */
export type Outcome = 'ok' | 'signin' | 'forbidden' | 'notfound';
export type Expect = Record<SessionCaller, Outcome>;

const all = (o: Outcome): Expect => ({ anonymous: o, owner: o, curator: o, reviewer: o, admin: o });
const everyone = all('ok');
const signedIn: Expect = { ...everyone, anonymous: 'signin' };
const reviewers: Expect = { ...signedIn, owner: 'forbidden', curator: 'forbidden' };
const admins: Expect = { ...reviewers, reviewer: 'forbidden' };
const ownerOnly: Expect = { ...all('notfound'), anonymous: 'signin', owner: 'ok' };
const ownerOnlyPublic404: Expect = { ...all('notfound'), owner: 'ok' };
/** With public read off, the dataset is for signed-in users only. */
const closed: Partial<Expect> = { anonymous: 'signin' };

/** Sample values: DRAFT is a never-submitted draft of the owner; APPROVED a seeded finding. */
export type Ctx = { DRAFT: string; APPROVED: string; DOI: string };

export type RouteCase = {
  method: 'GET' | 'POST' | 'PATCH';
  url: (c: Ctx) => string;
  /** JSON, or a string sent as it is. */
  body?: unknown;
  expect: Expect;
  /** What changes with public read off. */
  private?: Partial<Expect>;
  /** Where the token rule does not hold (both settings). */
  tokens?: Partial<Record<TokenCaller, Outcome>>;
  note?: string;
};

const get = (url: RouteCase['url'], expect: Expect, more: Partial<RouteCase> = {}): RouteCase => ({
  method: 'GET',
  url,
  expect,
  ...more,
});
/** A dataset read: public while public read is on, signed-in users only when it is off. */
const read = (url: RouteCase['url'], expect: Expect = everyone, more: Partial<RouteCase> = {}) =>
  get(url, expect, { private: closed, ...more });

// Keyed by the file under app/ (page.tsx or route.ts). One entry may hold several cases.
export const ROUTES: Record<string, RouteCase[]> = {
  'page.tsx': [read(() => '/', everyone, { note: 'off: 200 without the counts (data-testid not-public)' })],
  '(auth)/sign-in/page.tsx': [get(() => '/sign-in', everyone, { note: 'signed-in users are redirected on' })],
  'findings/page.tsx': [
    read(() => '/findings'),
    read(() => '/findings?status=submitted', everyone, { note: 'anonymous gets a message, not the rows' }),
  ],
  'findings/[id]/page.tsx': [
    read((c) => `/findings/${c.APPROVED}`),
    read((c) => `/findings/${c.DRAFT}`, ownerOnlyPublic404),
  ],
  'findings/[id]/history/page.tsx': [
    read((c) => `/findings/${c.APPROVED}/history`),
    read((c) => `/findings/${c.DRAFT}/history`, ownerOnlyPublic404),
  ],
  'findings/[id]/edit/page.tsx': [
    get((c) => `/findings/${c.APPROVED}/edit`, signedIn),
    get((c) => `/findings/${c.DRAFT}/edit`, ownerOnly),
  ],
  'findings/new/page.tsx': [get((c) => `/findings/new?doi=${c.DOI}`, signedIn)],
  'sources/[...doi]/page.tsx': [read((c) => `/sources/${c.DOI}`)],
  'sources/new/page.tsx': [get(() => '/sources/new', signedIn)],
  'my-work/page.tsx': [get(() => '/my-work', signedIn)],
  'notifications/page.tsx': [get(() => '/notifications', signedIn)],
  'settings/tokens/page.tsx': [get(() => '/settings/tokens', signedIn)],
  'review/page.tsx': [get(() => '/review', reviewers)],
  'review/[id]/page.tsx': [
    get((c) => `/review/${c.DRAFT}`, { ...reviewers, reviewer: 'notfound', admin: 'notfound' }, { note: 'a draft' }),
  ],
  'map/page.tsx': [read(() => '/map')],
  'releases/page.tsx': [read(() => '/releases')],
  'about/page.tsx': [get(() => '/about', everyone, { note: 'public in both settings: it holds no findings' })],
  'releases/[tag]/page.tsx': [read(() => '/releases/1999.1.0', all('notfound'), { note: 'no such release' })],
  'import/page.tsx': [get(() => '/import', signedIn)],
  'api/v1/findings/route.ts': [
    read(() => '/api/v1/findings'),
    read(() => '/api/v1/findings?status=draft', signedIn, { note: 'drafts: signed-in callers see only their own' }),
  ],
  'api/v1/findings/[id]/route.ts': [
    read((c) => `/api/v1/findings/${c.APPROVED}`),
    read((c) => `/api/v1/findings/${c.DRAFT}`, ownerOnlyPublic404),
  ],
  'api/v1/sources/[...doi]/route.ts': [read((c) => `/api/v1/sources/${c.DOI}`)],
  'api/v1/openapi.json/route.ts': [get(() => '/api/v1/openapi.json', everyone, { note: 'public in both settings' })],
  'api/v1/export/route.ts': [read(() => '/api/v1/export?format=ndjson&organ=UBERON:0001474')],
  'api/v1/releases/route.ts': [read(() => '/api/v1/releases')],
  'api/v1/releases/[tag]/[file]/route.ts': [read(() => '/api/v1/releases/1999.1.0/findings.csv', all('notfound'))],
  'admin/users/page.tsx': [get(() => '/admin/users', admins)],
  'admin/audit/page.tsx': [get(() => '/admin/audit', admins)],
  'admin/settings/page.tsx': [get(() => '/admin/settings', admins)],
  'admin/vocabularies/page.tsx': [get(() => '/admin/vocabularies', admins)],
  'admin/jobs/page.tsx': [get(() => '/admin/jobs', admins)],
  'terms/requests/page.tsx': [get(() => '/terms/requests', signedIn)],
  'grounding/page.tsx': [get(() => '/grounding', signedIn)],
  'evidence/anchors/page.tsx': [get(() => '/evidence/anchors', signedIn)],
  'api/terms/route.ts': [read(() => '/api/terms?q=bone%20marrow&kind=anatomy')],
  'api/terms/mirna/route.ts': [read(() => '/api/terms/mirna?name=miR-206&species=NCBITaxon:10090')],
  'admin/audit/export/route.ts': [get(() => '/admin/audit/export', admins)],
  'api/health/route.ts': [get(() => '/api/health', everyone)],
  'api/health/live/route.ts': [get(() => '/api/health/live', everyone)],
  'api/health/ready/route.ts': [get(() => '/api/health/ready', everyone)],
  'literature/screen/page.tsx': [get(() => '/literature/screen', signedIn)],
  'literature/conflicts/page.tsx': [get(() => '/literature/conflicts', signedIn)],
  'literature/duplicates/page.tsx': [get(() => '/literature/duplicates', signedIn)],
  'admin/exclusion-reasons/page.tsx': [get(() => '/admin/exclusion-reasons', admins)],
  'api/auth/[...nextauth]/route.ts': [get(() => '/api/auth/csrf', everyone)],
  'api/admin/users/route.ts': [
    get(() => '/api/admin/users', admins),
    { method: 'POST', url: () => '/api/admin/users', body: { email: 'x' }, expect: admins, note: 'admin: 400' },
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
    get(() => '/api/admin/settings', admins),
    { method: 'POST', url: () => '/api/admin/settings', body: { approvalsRequired: 9 }, expect: admins },
  ],
  'api/findings/route.ts': [
    {
      method: 'POST',
      url: () => '/api/findings',
      body: { doi: '10.1007/s00125-014-3337-2', content: 'not an object' },
      expect: signedIn,
      note: 'past the auth check: 400, so nothing is created',
    },
  ],
  'api/findings/[id]/route.ts': [
    { method: 'PATCH', url: (c) => `/api/findings/${c.DRAFT}`, body: { lockVersion: 'x' }, expect: signedIn },
  ],
  'api/findings/[id]/submit/route.ts': [
    { method: 'POST', url: (c) => `/api/findings/${c.DRAFT}/submit`, body: { lockVersion: 'x' }, expect: signedIn },
  ],
  'api/findings/[id]/decisions/route.ts': [
    { method: 'POST', url: (c) => `/api/findings/${c.APPROVED}/decisions`, body: { decision: 'x' }, expect: reviewers },
  ],
  'api/findings/[id]/workflow/route.ts': [
    get((c) => `/api/findings/${c.APPROVED}/workflow`, signedIn),
    get((c) => `/api/findings/${c.DRAFT}/workflow`, ownerOnly),
  ],
  'api/import/route.ts': [
    {
      method: 'POST',
      url: () => '/api/import?intent=dry_run&mode=draft&name=matrix.csv',
      body: 'not,a,finding\n',
      expect: signedIn,
      note: 'a dry run: nothing is written, whatever the caller',
    },
  ],
  'api/sources/[id]/text/paste/route.ts': [
    { method: 'POST', url: () => '/api/sources/1/text/paste', body: { text: 42 }, expect: signedIn },
  ],
  'api/sources/[id]/text/upload/route.ts': [
    {
      method: 'POST',
      url: () => '/api/sources/1/text/upload?kind=pdf&name=matrix.pdf',
      body: 'not a PDF',
      expect: signedIn,
      note: 'past the auth check: 400 (not a PDF), so nothing is stored',
    },
  ],
  'api/literature/intake/route.ts': [
    {
      method: 'POST',
      url: () => '/api/literature/intake?name=matrix.ris&format=csl_json',
      body: 'not json',
      expect: signedIn,
      note: 'past the auth check: 400, so nothing is added',
    },
  ],
  'literature/page.tsx': [get(() => '/literature', signedIn)],
  'literature/papers/page.tsx': [get(() => '/literature/papers', signedIn)],
  'literature/searches/page.tsx': [get(() => '/literature/searches', signedIn)],
  'api/literature/prisma.csv/route.ts': [get(() => '/api/literature/prisma.csv', signedIn)],
  'api/sources/[id]/text/fetch/route.ts': [
    { method: 'POST', url: () => '/api/sources/1/text/fetch', body: { service: 'x' }, expect: signedIn },
  ],
};

/** Server actions by file and name: who gets past the auth check. Called with a bad payload, so nothing changes. */
export const ACTIONS: Record<string, Expect> = {
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
  'app/settings/tokens/actions.ts#createTokenAction': signedIn,
  'app/settings/tokens/actions.ts#revokeTokenAction': signedIn,
  'app/terms/requests/actions.ts#requestTermAction': signedIn,
  'app/grounding/actions.ts#resolveGroundingProposalAction': signedIn,
  'app/evidence/anchors/actions.ts#decideAnchoringAction': signedIn,
  'app/literature/actions.ts#suggestPaperAction': signedIn,
  'app/literature/papers/actions.ts#assignPaperAction': reviewers,
  'app/literature/papers/actions.ts#claimPaperAction': signedIn,
  'app/literature/papers/actions.ts#setCurationStatusAction': signedIn,
  'app/literature/searches/actions.ts#createSavedSearchAction': signedIn,
  'app/literature/searches/actions.ts#runSavedSearchAction': signedIn,
  'app/sources/[...doi]/actions.ts#checkSourceUpdatesAction': signedIn,
  'app/findings/[id]/actions.ts#releaseOverrideAction': reviewers,
  'app/terms/requests/actions.ts#acceptTermRequestAction': admins,
  'app/terms/requests/actions.ts#mapTermRequestAction': admins,
  'app/terms/requests/actions.ts#declineTermRequestAction': admins,
  'app/terms/requests/actions.ts#previewGroundingAction': admins,
  'app/terms/requests/actions.ts#groundFindingsAction': admins,
  'app/literature/screen/actions.ts#decideScreeningAction': signedIn,
  'app/literature/conflicts/actions.ts#resolveScreeningAction': signedIn,
  'app/literature/duplicates/actions.ts#undoMergeAction': signedIn,
  'app/admin/exclusion-reasons/actions.ts#addExclusionReasonAction': admins,
  'app/admin/exclusion-reasons/actions.ts#renameExclusionReasonAction': admins,
  'app/admin/exclusion-reasons/actions.ts#setExclusionReasonActiveAction': admins,
};

/** What one caller should get from one route case, with public read on or off. */
export function expected(file: string, c: RouteCase, caller: Caller, publicRead: boolean): Outcome {
  const table: Expect = publicRead ? c.expect : { ...c.expect, ...c.private };
  if (caller !== 'tokenRead' && caller !== 'tokenWrite') return table[caller];
  const override = c.tokens?.[caller];
  if (override) return override;
  // Pages ignore tokens: the request is anonymous.
  if (file.endsWith('page.tsx')) return table.anonymous;
  const owner = table.owner;
  // The role is checked before the scope; a read-only token is refused any write that the owner gets past.
  if (caller === 'tokenRead' && c.method !== 'GET' && (owner === 'ok' || owner === 'notfound')) return 'forbidden';
  return owner;
}

/** Server actions take the session only: a token caller is anonymous there. */
export function expectedAction(e: Expect, caller: Caller): Outcome {
  return caller === 'tokenRead' || caller === 'tokenWrite' ? e.anonymous : e[caller];
}
