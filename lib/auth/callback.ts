/** Where a sign-in goes when no (acceptable) callback was asked for. */
export const DEFAULT_CALLBACK = '/findings';

const MAX_CALLBACK_LENGTH = 2048;

/**
 * The app's origin: from NEXTAUTH_URL when it is set, else from the request's Host. A forged Host
 * header cannot send anyone elsewhere through this: it only decides which *absolute* callbacks
 * count as ours, and what {@link safeCallbackPath} returns is always a path on the current site.
 */
export function appOrigin(configuredUrl: string | undefined, host: string | null, proto?: string | null): string {
  const candidates = [configuredUrl, host ? `${proto === 'https' ? 'https' : 'http'}://${host}` : undefined];
  for (const c of candidates) {
    if (!c) continue;
    const origin = URL.parse(c)?.origin;
    if (origin && origin !== 'null') return origin;
  }
  return 'http://localhost';
}

/**
 * The path, query and hash of `raw` when it resolves, the way a browser would resolve it, to
 * `origin`; otherwise `fallback`. A prefix test on the raw string is not enough: browsers read
 * `/\evil.example` as `//evil.example`, drop tabs and newlines anywhere (`/\t/evil.example`), and
 * a path can itself normalize to `//host` (`/.//evil.example`), which would be a network-path
 * reference once returned. So the string is parsed with the URL parser, compared by origin, and
 * the result re-checked as the relative reference it becomes.
 */
export function safeCallbackPath(raw: unknown, origin: string, fallback: string = DEFAULT_CALLBACK): string {
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > MAX_CALLBACK_LENGTH) return fallback;
  const ours = URL.parse(origin)?.origin;
  if (!ours || ours === 'null') return fallback;
  const url = URL.parse(raw, ours);
  // javascript:, data: and the like have the opaque origin "null", never ours.
  if (!url || url.origin !== ours) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}

/**
 * next-auth's `callbacks.redirect`: the same rule for every redirect it makes (sign-in callback,
 * sign-out, OAuth return), as an absolute URL on `baseUrl` (next-auth passes the app's origin).
 */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = URL.parse(baseUrl)?.origin ?? baseUrl;
  return `${origin}${safeCallbackPath(url, origin, '/')}`;
}
