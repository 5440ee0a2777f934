import { redirect } from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { settings } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { route } from './route';

describe('route handlers (server/adapters/route)', () => {
  it('answer an unreachable database with 503 JSON and Retry-After, not a bare 500', async () => {
    // Nothing listens on port 9: the driver's own connection error, through drizzle.
    const handle = await createDb({ url: 'postgres://postgres@127.0.0.1:9/none', max: 1 });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await route(async () => {
        await handle.db.select().from(settings);
        return new Response('unreachable');
      })();
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(await res.json()).toEqual({
        error: 'unavailable',
        message: expect.stringContaining('database cannot be reached'),
      });
    } finally {
      log.mockRestore();
      await handle.close();
    }
  });

  it('answer a domain error with its status, anything else with 500 JSON that holds no stack trace', async () => {
    const notFound = await route(async () => {
      throw new DomainError('not_found', 'finding', 'No such finding.');
    })();
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: 'not_found', message: 'No such finding.' });
    const conflict = await route(async () => {
      throw new DomainError('conflict', 'finding', 'Someone saved this finding after you started editing.');
    })();
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ error: 'conflict' });

    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const boom = await route(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    })();
    log.mockRestore();
    expect(boom.status).toBe(500);
    const body = (await boom.json()) as Record<string, string>;
    expect(body.error).toBe('internal');
    expect(JSON.stringify(body)).not.toMatch(/TypeError|reading 'id'|at /);
  });

  it("let Next's own control flow (redirect) through", async () => {
    await expect(
      route(async () => {
        redirect('/sign-in');
      })(),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });

  it('pass a normal answer through untouched', async () => {
    const res = await route(async (n: number) => Response.json({ n }))(7);
    expect(await res.json()).toEqual({ n: 7 });
  });
});
