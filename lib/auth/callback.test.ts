import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appOrigin, DEFAULT_CALLBACK, safeCallbackPath, sameOriginRedirect } from './callback';

const ORIGIN = 'https://curator.example.org';

describe('safeCallbackPath', () => {
  it.each([
    ['/findings', '/findings'],
    ['/findings?organ=UBERON%3A0002107&page=2', '/findings?organ=UBERON%3A0002107&page=2'],
    ['/findings/EVX-000001#history', '/findings/EVX-000001#history'],
    ['/admin/users', '/admin/users'],
    ['/', '/'],
    // Absolute URLs on our own origin keep their path, query and hash.
    [`${ORIGIN}/review?x=1#y`, '/review?x=1#y'],
    ['HTTPS://CURATOR.EXAMPLE.ORG/map', '/map'],
    ['https://curator.example.org:443/map', '/map'],
    // Relative references resolve against the root.
    ['findings', '/findings'],
    ['?page=3', '/?page=3'],
    // Dot segments are resolved, not followed off the site.
    ['/a/../findings', '/findings'],
    // %5c stays an encoded byte in a path on our site; browsers do not decode it into a slash.
    ['/%5cevil.example', '/%5cevil.example'],
    ['/%2f%2fevil.example', '/%2f%2fevil.example'],
    // Same scheme without slashes is a relative reference, exactly as a browser on our page reads it.
    ['https:evil.example', '/evil.example'],
  ])('keeps %j as %j', (raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  it.each([
    // The reported defect: browsers read /\ as //.
    '/\\evil.example',
    '/\\evil.example/findings',
    '\\\\evil.example',
    '\\/evil.example',
    '//evil.example',
    '///evil.example',
    '////evil.example/x',
    'https://evil.example',
    'https://evil.example/findings',
    'http://curator.example.org/findings', // another scheme is another origin
    'https://curator.example.org:8443/findings', // another port too
    'https://curator.example.org.evil.example/',
    'https://curator.example.org@evil.example/',
    'http:/\\evil.example',
    // Tabs, newlines and carriage returns are removed by the URL parser, wherever they are.
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    // Paths that normalize to a network-path reference.
    '/.//evil.example',
    '/x/..//evil.example',
    '..//evil.example',
    // Not HTTP at all.
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:someone@example.org',
    'file:///etc/passwd',
    // Not a usable string.
    '',
    '   ',
  ])('refuses %j', (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(DEFAULT_CALLBACK);
  });

  it.each([undefined, null, 42, ['/findings'], { href: '/findings' }])('refuses the non-string %j', (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(DEFAULT_CALLBACK);
  });

  it('refuses a callback longer than 2048 characters', () => {
    expect(safeCallbackPath(`/${'a'.repeat(2047)}`, ORIGIN)).toBe(`/${'a'.repeat(2047)}`);
    expect(safeCallbackPath(`/${'a'.repeat(2048)}`, ORIGIN)).toBe(DEFAULT_CALLBACK);
  });

  it('answers the given fallback, and refuses everything when the origin is unusable', () => {
    expect(safeCallbackPath('//evil.example', ORIGIN, '/')).toBe('/');
    expect(safeCallbackPath('/findings', 'not a url')).toBe(DEFAULT_CALLBACK);
  });

  it('whatever the input, the answer is a path that a browser resolves to our origin', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc
        .array(fc.constantFrom('/', '\\', '\t', '\n', '.', '%5c', '%2f', 'evil.example', ':', '@', 'https:', ' '), {
          maxLength: 8,
        })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const path = safeCallbackPath(raw, ORIGIN);
        expect(path.startsWith('/')).toBe(true);
        expect(path.startsWith('//') || path.startsWith('/\\')).toBe(false);
        expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
        // Resolved against any other site, it stays on that site: it is a path, never a host.
        expect(new URL(path, 'https://elsewhere.test').origin).toBe('https://elsewhere.test');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sameOriginRedirect (next-auth callbacks.redirect)', () => {
  it.each([
    ['/findings', `${ORIGIN}/findings`],
    [`${ORIGIN}/review`, `${ORIGIN}/review`],
    ['/\\evil.example', `${ORIGIN}/`],
    ['https://evil.example/', `${ORIGIN}/`],
    ['//evil.example', `${ORIGIN}/`],
    ['javascript:alert(1)', `${ORIGIN}/`],
  ])('%j → %j', (url, expected) => {
    expect(sameOriginRedirect({ url, baseUrl: ORIGIN })).toBe(expected);
  });
});

describe('appOrigin', () => {
  it('prefers NEXTAUTH_URL, then the request host, else localhost', () => {
    expect(appOrigin('https://curator.example.org/some/path', 'other.test', 'http')).toBe(ORIGIN);
    expect(appOrigin(undefined, '127.0.0.1:3100', null)).toBe('http://127.0.0.1:3100');
    expect(appOrigin(undefined, 'curator.example.org', 'https')).toBe(ORIGIN);
    expect(appOrigin(undefined, 'bad host/\\', null)).toBe('http://localhost');
    expect(appOrigin(undefined, null, null)).toBe('http://localhost');
  });
});
