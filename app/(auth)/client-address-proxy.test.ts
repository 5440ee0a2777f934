import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { config, proxy } from '@/proxy';

/**
 * With TRUSTED_PROXY_HOPS=0 (the default, as here) the proxy must drop a client-sent X-Forwarded-For
 * on the sign-in routes, so that Next's `??= socket.remoteAddress` fills in the real peer address
 * (lib/auth/client-address.ts). Next applies the proxy's request headers as an override list:
 * a header missing from `x-middleware-override-headers` is deleted from the request.
 */
describe('the proxy and the client address', () => {
  it.each(['/api/auth/callback/credentials', '/api/auth/signin/github', '/sign-in', '/findings'])(
    'runs on %s',
    (path) => {
      expect(unstable_doesMiddlewareMatch({ config, url: path })).toBe(true);
    },
  );

  it('drops a forged X-Forwarded-For from a sign-in request', () => {
    const req = new NextRequest('http://127.0.0.1:3000/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'x-forwarded-for': '6.6.6.6, 7.7.7.7', 'content-type': 'application/x-www-form-urlencoded' },
    });
    const res = proxy(req);
    const overridden = (res.headers.get('x-middleware-override-headers') ?? '').split(',');
    expect(overridden).toContain('content-type');
    expect(overridden).not.toContain('x-forwarded-for');
    expect(res.headers.get('x-middleware-request-x-forwarded-for')).toBeNull();
  });

  it('drops it from page requests too (server actions run there)', () => {
    const req = new NextRequest('http://127.0.0.1:3000/findings', { headers: { 'x-forwarded-for': '6.6.6.6' } });
    const overridden = (proxy(req).headers.get('x-middleware-override-headers') ?? '').split(',');
    expect(overridden).toContain('x-nonce');
    expect(overridden).not.toContain('x-forwarded-for');
  });
});
