import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { errorResponse, readBodyCapped, readJsonObject } from './http';

/** A request whose body is `chunks` pieces of `size` bytes, counting how many the server pulled. */
function streamingRequest(chunks: number, size: number, headers: Record<string, string> = {}) {
  const pulled = { n: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.n >= chunks) return controller.close();
      pulled.n++;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  const req = new Request('http://localhost/api/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { req, pulled };
}

describe('request bodies (defect 7: capped while reading)', () => {
  it('stops reading an oversized body at the cap and answers 413 too_large', async () => {
    const { req, pulled } = streamingRequest(200, 64 * 1024); // 12.5 MB on offer
    const e = await readBodyCapped(req, 1_000_000).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).kind).toBe('too_large');
    // 1 MB is 16 chunks of 64 KiB: the reader gave up right after the cap, not after 200.
    expect(pulled.n).toBeLessThanOrEqual(18);
    const res = errorResponse(e);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too_large', message: expect.stringContaining('1,000,000') });
  });

  it('refuses a declared Content-Length over the cap before reading anything', async () => {
    const { req, pulled } = streamingRequest(3, 10, { 'content-length': '5000000' });
    await expect(readBodyCapped(req, 1_000_000)).rejects.toMatchObject({ kind: 'too_large' });
    // A stream pulls its first chunk when it is made (its high-water mark); nothing more was asked for.
    expect(pulled.n).toBeLessThanOrEqual(1);
  });

  it('reads a body within the cap whole, and JSON objects only', async () => {
    const ok = new Request('http://localhost/', { method: 'POST', body: JSON.stringify({ a: 'ü' }) });
    expect(await readJsonObject(ok)).toEqual({ a: 'ü' });
    for (const body of ['[1,2]', '"x"', 'null', '{bad', '\u00ff']) {
      const r = new Request('http://localhost/', { method: 'POST', body });
      await expect(readJsonObject(r), body).rejects.toMatchObject({ kind: 'invalid' });
    }
    const latin1 = new Request('http://localhost/', { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    await expect(readJsonObject(latin1)).rejects.toMatchObject({ kind: 'invalid' });
  });
});

describe('errorResponse', () => {
  it('gives every domain error its status and the one JSON shape', async () => {
    const cases: [DomainError, number][] = [
      [new DomainError('invalid', 'x', 'Bad.', 'doi'), 400],
      [new DomainError('unauthorized', 'x', 'Sign in.'), 401],
      [new DomainError('forbidden', 'x', 'No.'), 403],
      [new DomainError('not_found', 'x', 'None.'), 404],
      [new DomainError('conflict', 'x', 'Stale.'), 409],
      [new DomainError('too_large', 'x', 'Big.'), 413],
      [new DomainError('rate_limited', 'x', 'Slow down.', undefined, { retryAfterSeconds: 12.2 }), 429],
      [new DomainError('unavailable', 'x', 'Later.'), 503],
    ];
    for (const [e, status] of cases) {
      const r = errorResponse(e);
      expect(r.status).toBe(status);
      const body = await r.json();
      expect(Object.keys(body).sort()).toEqual(e.fields ? ['error', 'fields', 'message'] : ['error', 'message']);
      expect(body.error).toBe(e.kind);
    }
    expect(errorResponse(cases[6]![0]).headers.get('retry-after')).toBe('13');
  });
});
