/** The requests bench:memory makes between its measurements: pages and API calls, read to the end. */

export type Browser = { url: string; cookie: string };

const DEMO_CURATOR = 'curator@example.org';
const DEMO_PASSWORD = process.env.EVX_DEMO_PASSWORD || 'crosstalk-demo-2026';

async function get(b: Browser, path: string): Promise<{ status: number; bytes: number; text: string }> {
  const r = await fetch(`${b.url}${path}`, { headers: b.cookie ? { cookie: b.cookie } : {}, redirect: 'manual' });
  const text = await r.text();
  return { status: r.status, bytes: Buffer.byteLength(text), text };
}

/** Each path twice (the second visit is what a cache keeps); throws unless every answer is 200. */
async function visit(b: Browser, paths: string[]): Promise<string> {
  let bytes = 0;
  for (const p of [...paths, ...paths]) {
    const r = await get(b, p);
    if (r.status !== 200) throw new Error(`GET ${p} answered ${r.status}`);
    bytes += r.bytes;
  }
  return `${paths.length * 2} requests, ${(bytes / 2 ** 20).toFixed(1)} MB`;
}

export async function browseAnonymously(b: Browser): Promise<string> {
  const list = JSON.parse((await get(b, '/api/v1/findings?limit=5')).text) as { data?: { finding_id: string }[] };
  const id = list.data?.[0]?.finding_id;
  return visit(b, [
    '/',
    '/findings',
    '/findings?q=exosome',
    '/findings?cargo=miR',
    '/findings?organ=UBERON:0000955',
    '/api/v1/findings',
    '/api/v1/findings?q=vesicle',
    '/map',
    '/about',
    '/releases',
    ...(id ? [`/findings/${id}`] : []),
  ]);
}

/** Sign in as the demo curator (the credentials form's own requests), then the curator's pages. */
export async function browseSignedIn(b: Browser): Promise<string> {
  const csrf = await fetch(`${b.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  keep(csrf);
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const r = await fetch(`${b.url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email: DEMO_CURATOR, password: DEMO_PASSWORD, json: 'true' }),
  });
  await r.arrayBuffer();
  keep(r);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in failed (${r.status})`);
  b.cookie = cookieHeader();
  return visit(b, ['/my-work', '/literature', '/literature/screen', '/notifications', '/findings/new']);
}

export async function exportAll(b: Browser): Promise<string> {
  return visit(b, ['/api/v1/export?format=csv', '/api/v1/export?format=json', '/api/v1/export?format=ndjson']);
}
