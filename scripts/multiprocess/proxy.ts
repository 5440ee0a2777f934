/**
 * A small round-robin reverse proxy (node:http), standing in for nginx or a load balancer in front of several
 * `next start` processes: each request goes to the next backend in turn, X-Forwarded-For gets the peer address
 * appended (as a trusted proxy does), and the answer says which backend served it (X-Evx-Backend: its index).
 * Run as a script it listens until killed: `tsx scripts/multiprocess/proxy.ts PORT BACKEND_URL…`.
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export type RoundRobinProxy = {
  url: string;
  /** Requests sent to each backend so far. */
  served: number[];
  close: () => Promise<void>;
};

export function startRoundRobinProxy(backends: string[], port: number, host = '127.0.0.1'): Promise<RoundRobinProxy> {
  const targets = backends.map((b) => new URL(b));
  const served = targets.map(() => 0);
  // No keep-alive to the backends: a backend closing an idle connection just as the proxy reuses it would fail
  // that request (ECONNRESET), and a write cannot be retried blindly.
  const agent = new http.Agent({ keepAlive: false, maxSockets: 512 });
  let errorsLogged = 0;
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % targets.length;
    served[i]!++;
    const target = targets[i]!;
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwarded, 'x-forwarded-proto': 'http' },
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, 'x-evx-backend': String(i) });
        up.pipe(res);
      },
    );
    upstream.on('error', (e) => {
      if (errorsLogged++ < 5) console.error(`proxy: ${req.method} ${req.url} → backend ${i}: ${e.message}`);
      if (!res.headersSent) res.writeHead(502, { 'x-evx-backend': String(i) });
      res.end();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        url: `http://${host}:${port}`,
        served,
        close: () =>
          new Promise<void>((r) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port, ...backends] = process.argv.slice(2);
  const proxy = await startRoundRobinProxy(backends, Number(port));
  console.log(`round-robin proxy on ${proxy.url} → ${backends.join(', ')}`);
  process.on('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
}
