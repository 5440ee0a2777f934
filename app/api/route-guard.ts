import { unstable_rethrow } from 'next/navigation';
import { isConnectionError } from '@/db/errors';
import { domainErrorResponse } from '@/lib/api/http';
import { jsonError } from '@/lib/http';

/**
 * A route handler that answers every failure as JSON, never as Next's bare 500: a domain error
 * as its 4xx, an unreachable database as 503 with Retry-After (so a client knows to try again),
 * anything else logged and answered 500 `internal`. Next's own control-flow errors (redirect,
 * notFound) pass through.
 */
export function guarded<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      unstable_rethrow(e);
      if (isConnectionError(e)) {
        console.error('database unavailable', e);
        const r = jsonError(503, 'unavailable', 'The database cannot be reached right now; try again in a minute.');
        r.headers.set('retry-after', '30');
        r.headers.set('cache-control', 'no-store');
        return r;
      }
      return domainErrorResponse(e);
    }
  };
}
