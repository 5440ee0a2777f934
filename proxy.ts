import { NextResponse, type NextRequest } from 'next/server';
import { env } from './server/env';

// Comfort only: send signed-out visitors of protected pages to sign-in.
// Every page, action and handler still checks the session and role itself.
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
const PROTECTED = /^\/(?:admin|my-work|review)(?:\/|$)/;

/**
 * The pages' policy. Next.js reads the nonce from the request's header and puts it on its own
 * inline and bundle scripts, which works because every page renders per request (the root layout
 * reads the session). 'strict-dynamic' lets those scripts load their chunks. Style attributes
 * (React's style={…}) cannot carry a nonce, so only they are allowed inline: an attribute cannot
 * run script or select elements, unlike an injected <style>.
 */
function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  // In development Next.js injects styles without a nonce.
  const styles = dev ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`;
  return [
    "default-src 'self'",
    // React's dev build uses eval for server error stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src ${styles}`,
    `style-src-elem ${styles}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const headers = new Headers(req.headers);
  // With no trusted proxy in front, a client-sent X-Forwarded-For is dropped so that Next fills it in
  // from the socket's peer address (lib/auth/client-address.ts): sign-in limits count by it.
  if (env().TRUSTED_PROXY_HOPS === 0) headers.delete('x-forwarded-for');
  if (pathname.startsWith('/api/')) return NextResponse.next({ request: { headers } });
  // A request carrying a token is a script calling a route handler (the audit export): it answers for itself.
  const signedOut = !SESSION_COOKIES.some((c) => req.cookies.has(c)) && !req.headers.has('authorization');
  if (PROTECTED.test(pathname) && signedOut) {
    const url = req.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + req.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, {
    dev: env().NODE_ENV === 'development',
    https: req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https',
  });
  headers.set('content-security-policy', csp);
  headers.set('x-nonce', nonce);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
}

// Every page (and its RSC and server-action requests), and sign-in (/api/auth) for its client address; other API
// routes (whose bodies a proxy would buffer) and static files get next.config.mjs's headers only.
export const config = { matcher: ['/api/auth/:path*', '/((?!api/|_next/static/|_next/image/|favicon.ico).*)'] };
