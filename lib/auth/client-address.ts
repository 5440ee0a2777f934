/**
 * The client's network address, for sign-in limits, from X-Forwarded-For and a configured number
 * of trusted proxy hops (TRUSTED_PROXY_HOPS).
 *
 * What a Next 16 handler can know under `next start`: route handlers get a web Request, with no
 * socket (NextRequest.ip is gone since Next 15). The only carrier of the socket's peer address is
 * Next's own request handling (base-server.ts), which does
 * `req.headers['x-forwarded-for'] ??= req.socket.remoteAddress` after the proxy (middleware) ran:
 * it fills the header in only when it is ABSENT, never appends, so a client that sends its own
 * X-Forwarded-For replaces the socket address with whatever it likes. Hence:
 *
 * - 0 hops (no proxy in front): proxy.ts deletes any X-Forwarded-For the client sent, so Next fills
 *   in the socket address and the header holds exactly that one entry. (proxy.ts must run on the
 *   sign-in route, /api/auth/*, for this to hold.)
 * - N hops: each trusted proxy appends the address it received the connection from, and Next
 *   appends nothing (the header is present), so the client is the N-th entry from the right;
 *   everything left of it was written by the client and is ignored.
 *
 * Both cases read the max(N, 1)-th entry from the right.
 */
import { isIP } from 'node:net';

/** The client address, or null when the header holds no usable address at the trusted position. */
export function clientAddress(forwardedFor: string | string[] | null | undefined, trustedHops: number): string | null {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const entries = header.split(',').map((s) => s.trim());
  const position = Math.max(1, Math.floor(trustedHops));
  // Fewer entries than trusted proxies: the request did not come through all of them.
  if (entries.length < position) return null;
  return normalizeAddress(entries[entries.length - position]!);
}

/** An IP address in canonical form without port, brackets, zone or IPv4-mapped prefix; null if it is none. */
export function normalizeAddress(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  s = s.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (mapped) s = mapped[1]!;
  const version = isIP(s);
  if (version === 4) return s;
  if (version === 6) return new URL(`http://[${s}]/`).hostname.slice(1, -1);
  return null;
}

/**
 * The key sign-in limits count by. An IPv6 host usually holds a whole /64, so counting single
 * IPv6 addresses would give one attacker billions of fresh buckets; IPv4 addresses count singly.
 */
export function addressKey(address: string | null): string {
  const a = address === null ? null : normalizeAddress(address);
  if (a === null) return 'unknown';
  if (!a.includes(':')) return a;
  const [head = '', tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).join(':')}::/64`;
}
