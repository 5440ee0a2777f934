/**
 * A browser's part of the conversation, for the multi-process test: a cookie jar, a client address sent as
 * X-Forwarded-For (the first of the trusted hops), and next-auth's credentials sign-in over plain HTTP.
 */
export class HttpSession {
  readonly cookies = new Map<string, string>();
  constructor(readonly address: string) {}

  async request(
    base: string,
    path: string,
    init: { method?: string; json?: unknown; form?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { 'x-forwarded-for': this.address };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(base + path, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';', 1)[0]!;
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
      if (!value || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** A JSON request; the status, the body and the backend that answered (the proxy's X-Evx-Backend). */
  async json<T = Record<string, unknown>>(base: string, path: string, init: { method?: string; json?: unknown } = {}) {
    const res = await this.request(base, path, init);
    const text = await res.text();
    let body: T | null = null;
    try {
      body = JSON.parse(text) as T;
    } catch {
      body = null;
    }
    return { status: res.status, body, backend: res.headers.get('x-evx-backend') };
  }

  get signedIn(): boolean {
    return this.cookies.has('next-auth.session-token');
  }
}

/** next-auth's credentials sign-in; the error code it redirects with (CredentialsSignin, RateLimited:…) or null. */
export async function signIn(s: HttpSession, base: string, email: string, password: string) {
  const csrf = await s.json<{ csrfToken: string }>(base, '/api/auth/csrf');
  if (!csrf.body?.csrfToken) throw new Error(`no CSRF token from ${base} (${csrf.status})`);
  const res = await s.request(base, '/api/auth/callback/credentials', {
    method: 'POST',
    form: { csrfToken: csrf.body.csrfToken, email, password, json: 'true', callbackUrl: `${base}/` },
  });
  const backend = res.headers.get('x-evx-backend');
  const { url } = (await res.json()) as { url: string };
  const error = new URL(url, base).searchParams.get('error');
  return { error: error ?? (s.signedIn ? null : 'no session cookie'), backend };
}
