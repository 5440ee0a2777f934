/** A real HTTP server on 127.0.0.1 for the client tests: routes on the raw request URL, records what it saw. */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (res: ServerResponse) => void;
export type Seen = { url: string; headers: IncomingHttpHeaders };

export function send(res: ServerResponse, status: number, body: string, type = 'application/json;charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Answers 200 with `bytes` bytes of "x" in 64 KiB chunks, without a Content-Length (chunked), counting in
 * `progress.written` what it managed to send before the client hung up.
 */
export function sendStream(res: ServerResponse, bytes: number, progress = { written: 0 }) {
  res.writeHead(200, { 'content-type': 'application/xml' });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let left = bytes;
  const pump = () => {
    while (left > 0) {
      const n = Math.min(left, chunk.byteLength);
      left -= n;
      progress.written += n;
      if (res.destroyed) return;
      if (!res.write(chunk.subarray(0, n))) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('error', () => undefined);
  pump();
}

export const hang: Route = () => undefined;

export const hangInBody: Route = (res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"status":"ok",');
};

export async function startServer(routes: Record<string, Route>) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else send(res, 404, 'Not found', 'text/plain');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { baseUrl, seen, close };
}

/** A base URL on which nothing listens (a port just freed). */
export async function refusedBaseUrl(): Promise<string> {
  const { baseUrl, close } = await startServer({});
  await close();
  return baseUrl;
}
