/**
 * N `next start` processes on one database behind the round-robin proxy: what docs/deploying.md describes,
 * on 127.0.0.1, for the multi-process test and `npm run bench:load -- --processes 2`. Ports come from
 * 3700–3799 (the first free ones).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { type Server, startServer } from '../bench/server';
import { type RoundRobinProxy, startRoundRobinProxy } from './proxy';

/** The first `n` ports of [from, to] that nobody listens on. */
export async function freePortsIn(n: number, from = 3700, to = 3799): Promise<number[]> {
  const free: number[] = [];
  for (let p = from; p <= to && free.length < n; p++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) free.push(p);
  }
  if (free.length < n) throw new Error(`fewer than ${n} free ports in ${from}–${to}`);
  return free;
}

export type Cluster = {
  url: string;
  servers: Server[];
  proxy: Pick<RoundRobinProxy, 'served' | 'close'>;
  stop: () => Promise<void>;
};

/**
 * Start `processes` servers on `databaseUrl` (already migrated) and the proxy in front. The servers share the
 * auth secret and take the proxy's URL as NEXTAUTH_URL, as a deployment does. `proxyAsChild` runs the proxy in a
 * process of its own (the load test: the proxy must not share a core's event loop with the load generator).
 */
export async function startCluster(opts: {
  databaseUrl: string;
  distDir: string;
  processes: number;
  parentEnv: NodeJS.ProcessEnv;
  env?: Record<string, string>;
  poolMax?: number;
  proxyAsChild?: boolean;
}): Promise<Cluster> {
  const [proxyPort, ...ports] = await freePortsIn(opts.processes + 1);
  const url = `http://127.0.0.1:${proxyPort}`;
  const servers: Server[] = [];
  const stopServers = () => Promise.all(servers.map((s) => s.stop()));
  try {
    // One at a time: two production starts at once on two cores only slow each other down.
    for (const port of ports)
      servers.push(
        await startServer({
          databaseUrl: opts.databaseUrl,
          distDir: opts.distDir,
          port,
          poolMax: opts.poolMax,
          parentEnv: opts.parentEnv,
          env: { NEXTAUTH_URL: url, ...opts.env },
        }),
      );
    const backends = servers.map((s) => s.url);
    const proxy = opts.proxyAsChild
      ? await proxyProcess(proxyPort!, backends)
      : await startRoundRobinProxy(backends, proxyPort!);
    return {
      url,
      servers,
      proxy,
      stop: async () => {
        await proxy.close();
        await stopServers();
      },
    };
  } catch (e) {
    await stopServers();
    throw e;
  }
}

async function proxyProcess(port: number, backends: string[]) {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [path.join(import.meta.dirname, 'proxy.ts'), String(port), ...backends], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the proxy exited (${code})`)));
    child.stdout!.once('data', () => resolve());
  });
  return {
    served: [] as number[],
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
